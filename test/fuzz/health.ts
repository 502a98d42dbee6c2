import { CreateKeyPairCommand as Ec2CreateKeyPair, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CreateKeyPairCommand, GetInstancesCommand, GetKeyPairCommand, LightsailClient } from "@aws-sdk/client-lightsail";

/**
 * After the campaign: does the server still do real work for real clients? A Lightsail key pair is
 * created and read back, instances listed, an EC2 key pair created and described, all through SDK v3.
 * Returns what went wrong, or an empty list.
 */
export async function checkStillAnswering(port: number, tag: string): Promise<string[]> {
  const config = { endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 };
  const lightsail = new LightsailClient(config);
  const ec2 = new EC2Client(config);
  const problems: string[] = [];
  const step = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      problems.push(`${what}: ${(e as Error).name}: ${(e as Error).message}`);
    }
  };
  const name = `fuzz-health-${tag}`;
  try {
    await step("Lightsail CreateKeyPair", async () => {
      const created = await lightsail.send(new CreateKeyPairCommand({ keyPairName: name }));
      if (created.keyPair?.name !== name || !created.privateKeyBase64?.includes("PRIVATE KEY")) throw new Error(`answered ${JSON.stringify(created.keyPair)}`);
      const read = await lightsail.send(new GetKeyPairCommand({ keyPairName: name }));
      if (read.keyPair?.name !== name) throw new Error(`GetKeyPair answered ${JSON.stringify(read.keyPair)}`);
    });
    await step("Lightsail GetInstances", async () => {
      const listed = await lightsail.send(new GetInstancesCommand({}));
      if (!Array.isArray(listed.instances)) throw new Error("no instances list");
    });
    await step("EC2 CreateKeyPair + DescribeKeyPairs", async () => {
      const created = await ec2.send(new Ec2CreateKeyPair({ KeyName: name }));
      if (created.KeyName !== name) throw new Error(`CreateKeyPair answered ${created.KeyName}`);
      const described = await ec2.send(new DescribeKeyPairsCommand({ KeyNames: [name] }));
      const found = described.KeyPairs?.map((k) => k.KeyName);
      if (found?.length !== 1 || found[0] !== name) throw new Error(`DescribeKeyPairs answered ${JSON.stringify(found)}`);
    });
  } finally {
    lightsail.destroy();
    ec2.destroy();
  }
  return problems;
}

import { DescribeImagesCommand, RunInstancesCommand, type EC2Client, type RunInstancesCommandInput } from "@aws-sdk/client-ec2";

/** Small delays for the SDK's waiters against a local Skiff. */
export const fastWaiter = (client: EC2Client) => ({ client, maxWaitTime: 10, minDelay: 0.02, maxDelay: 0.05 });

/** The id of a public AMI of the catalog, found through DescribeImages by name, as a client would. */
export async function amiId(ec2: EC2Client, name = "al2023-ami-*-x86_64"): Promise<string> {
  const { Images } = await ec2.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: [name] }] }));
  if (!Images?.[0]?.ImageId) throw new Error(`no AMI named ${name}`);
  return Images[0].ImageId;
}

/** Runs one instance (t3.micro, Amazon Linux 2023 unless told) and returns it. */
export async function runInstance(ec2: EC2Client, extra: Partial<RunInstancesCommandInput> = {}) {
  const ImageId = extra.ImageId ?? (await amiId(ec2));
  const { Instances } = await ec2.send(new RunInstancesCommand({ ImageId, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, ...extra }));
  return Instances![0]!;
}

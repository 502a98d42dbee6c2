import { Agent, request } from "node:http";
import { CreateInstancesCommand, GetInstanceCommand, LightsailClient } from "@aws-sdk/client-lightsail";

export const REGION = "us-east-1";
export const TARGET_INSTANCE = "bench-target";
const CREATE = { availabilityZone: `${REGION}a`, blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };

/** The two calls measured, each sent by either client. */
export type Operation = "GetInstance" | "CreateInstances";

export interface BenchClient {
  label: string;
  /** `name` is a fresh instance name for CreateInstances (ignored by GetInstance). */
  call(operation: Operation, name: string): Promise<void>;
  close(): void;
}

/**
 * awsJson1_1 requests built by hand on keep-alive connections: what the server costs without
 * any client-side work. The Authorization header has the SigV4 shape (Skiff reads the region
 * from it and does not verify the signature).
 */
export function rawHttpClient(endpoint: string): BenchClient {
  const url = new URL(endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const authorization =
    `AWS4-HMAC-SHA256 Credential=bench/20260101/${REGION}/lightsail/aws4_request, ` +
    `SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${"0".repeat(64)}`;
  const getBody = JSON.stringify({ instanceName: TARGET_INSTANCE });
  return {
    label: "raw HTTP keep-alive",
    call(operation, name) {
      const body = operation === "GetInstance" ? getBody : JSON.stringify({ instanceNames: [name], ...CREATE });
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            method: "POST",
            path: "/",
            agent,
            headers: {
              "Content-Type": "application/x-amz-json-1.1",
              "Content-Length": Buffer.byteLength(body),
              "X-Amz-Target": `Lightsail_20161128.${operation}`,
              "X-Amz-Date": "20260101T000000Z",
              Authorization: authorization,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () =>
              res.statusCode === 200
                ? resolve()
                : reject(new Error(`${operation} answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`)),
            );
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** The real SDK v3 client: signing, serialising and parsing included. */
export function sdkClient(endpoint: string): BenchClient {
  const client = new LightsailClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    maxAttempts: 1,
  });
  return {
    label: "SDK v3 LightsailClient",
    async call(operation, name) {
      if (operation === "GetInstance") await client.send(new GetInstanceCommand({ instanceName: TARGET_INSTANCE }));
      else await client.send(new CreateInstancesCommand({ instanceNames: [name], ...CREATE }));
    },
    close: () => client.destroy(),
  };
}

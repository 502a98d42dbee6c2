import { Agent, request as httpRequest } from "node:http";
import * as ec2 from "@aws-sdk/client-ec2";
import * as lightsail from "@aws-sdk/client-lightsail";

export const REGION = "us-east-1";
const EC2_VERSION = "2016-11-15";

/**
 * One call as the benchmark describes it. `input` is the SDK v3 input, which is also the awsJson1_1
 * body for Lightsail. EC2's query protocol renames and flattens members (`Filters[0].Values[0]` is
 * `Filter.1.Value.1`), so EC2 calls also carry the form parameters the raw client sends.
 */
export type BenchRequest =
  | { service: "lightsail"; operation: string; input: Record<string, unknown> }
  | { service: "ec2"; operation: string; input: Record<string, unknown>; query: Record<string, string | number> };

export interface BenchClient {
  label: string;
  /**
   * Resolves with the answer: its text for the raw client (parsing it would add client work to the
   * latency measured; see `json`), the SDK's output for SDK clients.
   */
  send(request: BenchRequest): Promise<any>;
  close(): void;
}

const AUTHORIZATION = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=bench/20260101/${REGION}/${service}/aws4_request, ` +
  `SignedHeaders=content-type;host;x-amz-date, Signature=${"0".repeat(64)}`;

/**
 * Requests built by hand on keep-alive connections: what the server costs without any client-side
 * work. The Authorization header has the SigV4 shape (Skiff reads the region from it and does not
 * verify the signature).
 */
export function rawHttpClient(endpoint: string): BenchClient {
  const url = new URL(endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const lightsailAuth = AUTHORIZATION("lightsail");
  const ec2Auth = AUTHORIZATION("ec2");

  function post(headers: Record<string, string>, body: string, what: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: "/",
          agent,
          headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)), "X-Amz-Date": "20260101T000000Z" },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString();
            if (res.statusCode === 200) resolve(text);
            else reject(new Error(`${what} answered ${res.statusCode}: ${text.slice(0, 500)}`));
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  return {
    label: "raw HTTP",
    async send(r) {
      if (r.service === "lightsail") {
        const headers = {
          "Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": `Lightsail_20161128.${r.operation}`,
          Authorization: lightsailAuth,
        };
        return post(headers, JSON.stringify(r.input), r.operation);
      }
      const form = new URLSearchParams({ Action: r.operation, Version: EC2_VERSION });
      for (const [k, v] of Object.entries(r.query)) form.append(k, String(v));
      return post({ "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", Authorization: ec2Auth }, form.toString(), r.operation);
    },
    close: () => agent.destroy(),
  };
}

type Command = new (input: any) => any;
const commandOf = (sdk: Record<string, unknown>, operation: string) => {
  const command = sdk[`${operation}Command`] as Command | undefined;
  if (!command) throw new Error(`the SDK has no ${operation}Command`);
  return command;
};

/** The real SDK v3 clients: signing, middleware, serialising and parsing included. */
export function sdkClient(endpoint: string): BenchClient {
  const config = {
    endpoint,
    region: REGION,
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    maxAttempts: 1,
  };
  const clients = { lightsail: new lightsail.LightsailClient(config), ec2: new ec2.EC2Client(config) };
  const modules = { lightsail, ec2 } as unknown as Record<"lightsail" | "ec2", Record<string, unknown>>;
  return {
    label: "SDK v3",
    send(r) {
      const Command = commandOf(modules[r.service], r.operation);
      return (clients[r.service] as { send(c: unknown): Promise<unknown> }).send(new Command(r.input));
    },
    close() {
      clients.lightsail.destroy();
      clients.ec2.destroy();
    },
  };
}

/** A Lightsail answer as an object, from either client. */
export const json = (answer: unknown): any => (typeof answer === "string" ? JSON.parse(answer) : answer);

export const lightsailCall = (operation: string, input: Record<string, unknown>): BenchRequest => ({ service: "lightsail", operation, input });

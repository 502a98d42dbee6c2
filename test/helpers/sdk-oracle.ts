import { Readable } from "node:stream";
import { EC2Client } from "@aws-sdk/client-ec2";

type Command = object;

/**
 * An EC2 client that sends nothing: it hands each request body to the test and answers with
 * the status and XML the test gives, so the SDK's own serializer and parser serve as the oracle
 * for the ec2query codec (STYLE 13).
 */
export function oracleClient(respond: (body: string) => { status: number; xml: string }) {
  const client = new EC2Client({
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { body?: unknown }) {
        const { status, xml } = respond(String(request.body ?? ""));
        return { response: { statusCode: status, headers: { "content-type": "text/xml" }, body: Readable.from([Buffer.from(xml)]) } };
      },
    } as never,
  });
  return client;
}

/** The form body the SDK sends for a command. */
export async function sdkRequestBody(command: Command): Promise<string> {
  let sent = "";
  const client = oracleClient((body) => {
    sent = body;
    return { status: 200, xml: `<?xml version="1.0" encoding="UTF-8"?><Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId></Response>` };
  });
  await client.send(command as never).catch(() => undefined);
  client.destroy();
  return sent;
}

/** What the SDK makes of a response body. */
export async function sdkParse(command: Command, status: number, xml: string): Promise<unknown> {
  const client = oracleClient(() => ({ status, xml }));
  try {
    return await client.send(command as never);
  } finally {
    client.destroy();
  }
}

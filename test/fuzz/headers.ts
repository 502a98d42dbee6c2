/** Headers an AWS client sends, with a SigV4-shaped Authorization (Skiff's default auth does not check it). */
export const authorization = (service: string, region = "us-east-1", accessKeyId = "test") =>
  `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`;

export const jsonHeaders = (target: string | undefined, contentType: string | undefined = "application/x-amz-json-1.1"): [string, string][] => [
  ...(contentType === undefined ? [] : [["Content-Type", contentType] as [string, string]]),
  ...(target === undefined ? [] : [["X-Amz-Target", target] as [string, string]]),
  ["X-Amz-Date", "20260101T000000Z"],
  ["Authorization", authorization("lightsail")],
];

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

export const formHeaders = (contentType: string | undefined = FORM_CONTENT_TYPE): [string, string][] => [
  ...(contentType === undefined ? [] : [["Content-Type", contentType] as [string, string]]),
  ["X-Amz-Date", "20260101T000000Z"],
  ["Authorization", authorization("ec2")],
];

/** Text as the bytes of its UTF-8, one latin1 character per byte (how request.ts writes header text). */
export const utf8Bytes = (text: string) => Buffer.from(text, "utf8").toString("latin1");

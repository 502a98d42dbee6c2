import type { AwsError } from "../../core/errors.js";
import { XML_DECLARATION } from "./encode.js";
import { escapeXml } from "./xml.js";

/**
 * EC2's error envelope: `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`,
 * no namespace, `RequestID` with a capital ID (botocore and SDK v3 read the first Error).
 */
export function encodeQueryError(error: AwsError, requestId: string): { status: number; headers: Record<string, string>; body: string } {
  const body =
    `${XML_DECLARATION}<Response><Errors><Error><Code>${escapeXml(error.type)}</Code><Message>${escapeXml(error.message)}</Message></Error></Errors>` +
    `<RequestID>${escapeXml(requestId)}</RequestID></Response>`;
  return { status: error.status, headers: { "Content-Type": "text/xml;charset=UTF-8" }, body };
}

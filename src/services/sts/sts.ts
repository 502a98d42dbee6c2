import { AwsError } from "../../core/errors.js";
import { XML_DECLARATION } from "../../protocol/ec2query/encode.js";
import { escapeXml } from "../../protocol/ec2query/xml.js";
import type { Reply } from "../../server/http.js";

/**
 * The one STS call tools make before anything else (Terraform, `aws sts get-caller-identity`):
 * the awsQuery protocol, `Action=GetCallerIdentity&Version=2011-06-15`, XML out.
 */
export const STS_VERSION = "2011-06-15";
export const STS_SIGNING_NAME = "sts";
const NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
const XML = { "Content-Type": "text/xml" };

export interface Caller {
  account: string;
  accessKeyId: string;
}

/** An IAM user of the caller's account named after its access key: what a key of Skiff stands for. */
export const callerIdentity = (caller: Caller) => ({
  Account: caller.account,
  UserId: caller.accessKeyId || "skiff",
  Arn: `arn:aws:iam::${caller.account}:user/${caller.accessKeyId || "skiff"}`,
});

export function stsAnswer(action: string, caller: Caller, requestId: string): Reply {
  if (action !== "GetCallerIdentity") {
    throw new AwsError("InvalidAction", `Skiff implements only GetCallerIdentity of STS, not ${action.slice(0, 100)}.`, 400);
  }
  const members = Object.entries(callerIdentity(caller))
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join("");
  return {
    status: 200,
    headers: XML,
    body:
      `${XML_DECLARATION}<GetCallerIdentityResponse xmlns="${NAMESPACE}"><GetCallerIdentityResult>${members}</GetCallerIdentityResult>` +
      `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  };
}

/** The awsQuery error envelope (SDK v3 and botocore read `Error/Code`). */
export function stsError(error: AwsError, requestId: string): Reply {
  const type = error.status >= 500 ? "Receiver" : "Sender";
  return {
    status: error.status,
    headers: XML,
    body:
      `${XML_DECLARATION}<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${type}</Type><Code>${escapeXml(error.type)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`,
  };
}

import { dryRunOperation } from "./errors.js";

/**
 * EC2's DryRun: once the request is known to be valid and allowed, answer DryRunOperation instead
 * of acting. Called inside the handler's transaction, so nothing it wrote stays.
 */
export function dryRun(input: { DryRun?: boolean }) {
  if (input.DryRun === true) throw dryRunOperation();
}

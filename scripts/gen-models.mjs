// Reads the official service models shipped in the AWS SDK v3 packages (compiled Smithy schemas,
// enums and type declarations) and writes src/services/<service>/generated/. Run: npm run gen
import { createRequire } from "node:module";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));

// EC2's model is huge: every operation name goes to generated/operations.ts (so the operation
// table is complete), but shapes only for the operations Skiff implements.
const EC2_OPERATIONS = [
  "AttachVolume", "CopySnapshot", "CreateKeyPair", "CreateSnapshot", "CreateSnapshots", "CreateTags", "CreateVolume",
  "DeleteKeyPair", "DeleteSnapshot", "DeleteTags", "DeleteVolume", "DescribeAvailabilityZones", "DescribeImages",
  "DescribeInstanceStatus", "DescribeInstances", "DescribeKeyPairs", "DescribeSnapshotAttribute", "DescribeSnapshots",
  "DescribeTags", "DescribeVolumes", "DescribeVolumesModifications", "DetachVolume", "ImportKeyPair", "ModifySnapshotAttribute", "ModifyVolume",
  "RebootInstances", "RunInstances", "StartInstances", "StopInstances", "TerminateInstances",
];

const SERVICES = [
  { dir: "lightsail", pkg: "@aws-sdk/client-lightsail", operations: "all" },
  { dir: "ec2", pkg: "@aws-sdk/client-ec2", operations: EC2_OPERATIONS },
];

const SIMPLE = { 0: "s", 1: "n", 2: "b", 4: "t", 5: "t", 6: "t", 7: "t", 15: "doc", 17: "n", 19: "n", 21: "blob", 42: "blob" };
const LIST = 64;
const MAP = 128;

function pkgFile(pkg, rel) {
  return join(dirname(require.resolve(`${pkg}/package.json`)), rel);
}

function enumMembership(pkg, enumNames) {
  const byShape = {};
  const dir = pkgFile(pkg, "dist-types/models");
  for (const file of readdirSync(dir).filter((f) => /^models_\d+\.d\.ts$/.test(f)).sort()) {
    const text = readFileSync(join(dir, file), "utf8");
    const iface = /export interface (\w+) \{([\s\S]*?)\n\}/g;
    for (const [, shape, body] of text.matchAll(iface)) {
      for (const [, member, type, isList] of body.matchAll(/^\s+(\w+)\??: (\w+)(\[\])? \| undefined;/gm)) {
        if (enumNames.has(type)) (byShape[shape] ??= {})[member] = { type, isList: !!isList };
      }
    }
  }
  return byShape;
}

async function generate({ dir, pkg, operations }) {
  const sdk = require(pkg);
  const schemas = Object.fromEntries(Object.entries(sdk).filter(([n, v]) => n.endsWith("$") && Array.isArray(v)));
  const enums = {};
  for (const [name, values] of Object.entries(sdk)) {
    if (values && typeof values === "object" && !Array.isArray(values) && Object.values(values).length > 0 &&
        Object.values(values).every((v) => typeof v === "string")) enums[name] = Object.values(values);
  }
  const membership = enumMembership(pkg, new Set(Object.keys(enums)));
  const version = JSON.parse(readFileSync(pkgFile(pkg, "package.json"), "utf8")).version;

  const shapes = {};
  const usedEnums = new Set();
  const resolve = (s) => (typeof s === "function" ? s() : s);

  function describe(schema, owner, member) {
    schema = resolve(schema);
    if (Array.isArray(schema) && schema.length === 2 && !(typeof schema[0] === "number" && typeof schema[1] === "string")) {
      return withWireNames(describe(schema[0], owner, member), schema[1]); // member with traits
    }
    if (typeof schema === "number") {
      if (schema & MAP) return { k: "m", v: describe(schema & ~MAP) };
      if (schema & LIST) return { k: "l", m: describe(schema & ~LIST) };
      const k = SIMPLE[schema];
      if (!k) throw new Error(`unknown simple schema ${schema}`);
      return { k };
    }
    const [kind, , name, , a, b] = schema;
    if (kind === 0) return describe(a);
    if (kind === 1) return { k: "l", m: describe(a) };
    if (kind === 2) return { k: "m", v: describe(b) };
    if (kind === 3 || kind === -3) {
      structure(schema);
      return { k: "r", n: name };
    }
    throw new Error(`unknown schema kind ${kind} for ${name}`);
  }

  // EC2 query names and XML names (member traits ec2QueryName / xmlName); Lightsail has none.
  function withWireNames(desc, traits) {
    if (!traits || typeof traits !== "object") return desc;
    if (traits.ec2QueryName !== undefined) desc.q = traits.ec2QueryName;
    if (traits.xmlName !== undefined) desc.x = traits.xmlName;
    if (traits.xmlFlattened) desc.f = true;
    return desc;
  }

  function structure(schema) {
    const [, , name, traits, memberNames, memberSchemas, requiredCount] = schema;
    if (shapes[name]) return;
    const shape = { members: {}, required: memberNames.slice(0, requiredCount ?? 0) };
    if (traits && typeof traits === "object" && traits.error) shape.error = { fault: traits.error, status: traits.httpError };
    shapes[name] = shape;
    memberNames.forEach((m, i) => {
      const desc = describe(memberSchemas[i]);
      const en = membership[name]?.[m];
      if (en) {
        usedEnums.add(en.type);
        if (en.isList && desc.k === "l") desc.m.e = en.type;
        else if (desc.k === "s") desc.e = en.type;
      }
      shape.members[m] = desc;
    });
  }

  const ops = {};
  for (const [exportName, value] of Object.entries(schemas)) {
    if (!Array.isArray(value) || value[0] !== 9) continue;
    const name = exportName.replace(/\$$/, "");
    if (operations !== "all" && !operations.includes(name)) continue;
    const input = resolve(value[4]);
    const output = resolve(value[5]);
    structure(input);
    if (output === "unit") {
      ops[name] = { input: input[2] };
      continue;
    }
    structure(output);
    ops[name] = { input: input[2], output: output[2] };
  }
  for (const [exportName, value] of Object.entries(schemas)) {
    if (Array.isArray(value) && value[0] === -3) structure(value);
  }
  const allOps = Object.entries(schemas).filter(([, v]) => Array.isArray(v) && v[0] === 9).map(([n]) => n.replace(/\$$/, "")).sort();
  const model = {
    sdkPackage: pkg,
    sdkVersion: version,
    operations: ops,
    shapes,
    enums: Object.fromEntries([...usedEnums].sort().map((e) => [e, enums[e]])),
  };
  const out = join(root, "src/services", dir, "generated");
  mkdirSync(out, { recursive: true });
  const header = `// Generated by scripts/gen-models.mjs from ${pkg}@${version}. Do not edit.\n`;
  writeFileSync(join(out, "model.ts"),
    `${header}import type { ServiceModel } from "../../../protocol/model.js";\n\nexport const model: ServiceModel = ${JSON.stringify(model)};\n`);
  writeFileSync(join(out, "operations.ts"),
    `${header}\nexport const operationNames = ${JSON.stringify(allOps, null, 2)} as const;\n\nexport type OperationName = (typeof operationNames)[number];\n`);
  console.log(`${dir}: ${allOps.length} operations, ${Object.keys(shapes).length} shapes, ${usedEnums.size} enums`);
}

for (const service of SERVICES) await generate(service);

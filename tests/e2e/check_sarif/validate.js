// Validates JSON files against a JSON Schema: SARIF output against the official SARIF 2.1.0 schema
// (draft-04), .histlint.json files against data/histlint.schema.json (draft-07).
// usage: node validate.js SCHEMA.json FILE...   exits 1 when a file does not validate.
"use strict";
const fs = require("fs");
const AjvDraft04 = require("ajv-draft-04");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error("usage: node validate.js SCHEMA.json FILE...");
  process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
const draft04 = String(schema.$schema || "").includes("draft-04");
const ajv = new (draft04 ? AjvDraft04 : Ajv)({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let failed = 0;
for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  if (validate(doc)) {
    console.log(`valid: ${file}`);
  } else {
    failed++;
    console.log(`INVALID: ${file}`);
    for (const error of validate.errors) {
      console.log(`  ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
}
process.exit(failed ? 1 : 0);

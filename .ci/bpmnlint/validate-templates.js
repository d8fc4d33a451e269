// Validates every element template in processes/.camunda/element-templates/ against the Camunda 7
// element templates JSON schema (@camunda/element-templates-json-schema, through its validator).
// Exits 1 naming the file, the template and each problem.
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { validateAll, getSchemaVersion } = require('@bpmn-io/element-templates-validator');

const folder = path.join(__dirname, '..', '..', 'processes', '.camunda', 'element-templates');
const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
let failed = false;
let count = 0;

for (const name of files) {
    const json = JSON.parse(readFileSync(path.join(folder, name), 'utf8'));
    const templates = Array.isArray(json) ? json : [ json ];
    const { results } = validateAll(templates);
    results.forEach((result, index) => {
        count++;
        if (!result.valid) {
            failed = true;
            for (const error of result.errors) {
                console.error(`processes/.camunda/element-templates/${name}: template "${templates[index].id}": `
                    + `${error.message}${error.dataPath ? ' at ' + error.dataPath : ''}`);
            }
        }
    });
}

if (failed) {
    process.exit(1);
}
console.log(`element templates: ${count} in ${files.length} files valid against schema ${getSchemaVersion()}`);

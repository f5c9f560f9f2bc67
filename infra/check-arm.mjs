// Checks the compiled ARM template for every property docs/deploy.md promises. Usage: node infra/check-arm.mjs build/main.json infra/main.parameters.json
import { readFileSync } from 'node:fs';

const [templatePath, parametersPath] = process.argv.slice(2);
const template = JSON.parse(readFileSync(templatePath, 'utf8'));
const parameters = JSON.parse(readFileSync(parametersPath, 'utf8')).parameters;
const text = JSON.stringify(template);
const failures = [];
let checks = 0;

function check(condition, what) {
  checks++;
  if (!condition) failures.push(what);
}

// All resources, through nested module deployments.
function collect(t, into = [], variables = {}) {
  Object.assign(variables, t.variables ?? {});
  const resources = Array.isArray(t.resources) ? t.resources : Object.values(t.resources ?? {});
  for (const r of resources) {
    into.push(r);
    if (r.type === 'Microsoft.Resources/deployments') collect(r.properties.template, into, variables);
  }
  return { resources: into, variables };
}
const { resources, variables } = collect(template);
const ofType = type => resources.filter(r => r.type?.toLowerCase() === type.toLowerCase());
const one = type => ofType(type)[0] ?? {};

const storage = one('Microsoft.Storage/storageAccounts');
check(storage.kind === 'StorageV2', 'storage: kind StorageV2');
check(storage.properties?.supportsHttpsTrafficOnly === true, 'storage: HTTPS only');
check(storage.properties?.minimumTlsVersion === 'TLS1_2', 'storage: TLS 1.2 minimum');
check(storage.properties?.allowBlobPublicAccess === false, 'storage: no public blob access');
const blob = one('Microsoft.Storage/storageAccounts/blobServices');
check(blob.properties?.isVersioningEnabled === true, 'storage: blob versioning');
check(blob.properties?.deleteRetentionPolicy?.enabled === true, 'storage: blob soft delete');
check(blob.properties?.containerDeleteRetentionPolicy?.enabled === true, 'storage: container soft delete');
check(text.includes('"defaultValue":30') || parameters.softDeleteDays?.value === 30, 'storage: soft delete 30 days by default');
for (const name of ['drops', 'archive', 'validation', 'curated', 'reports', 'config']) check(variables.containers?.includes(name), `storage: container ${name}`);
for (const name of ['report-requests', 'email-requests', 'owner-emails', 'report-requests-poison', 'email-requests-poison', 'owner-emails-poison']) check(variables.queues?.includes(name), `storage: queue ${name}`);
for (const name of ['runs', 'deliveries', 'recipients', 'inflight']) check(variables.tables?.includes(name), `storage: table ${name}`);
const rule = one('Microsoft.Storage/storageAccounts/managementPolicies').properties?.policy?.rules?.[0];
check(rule?.definition?.filters?.prefixMatch?.includes('archive/') && rule?.definition?.actions?.baseBlob?.tierToCool, 'storage: archive to cool tier');
check(text.includes('archiveCoolAfterDays') && text.includes('"defaultValue":90'), 'storage: cool after 90 days');
const attachmentsRule = one('Microsoft.Storage/storageAccounts/managementPolicies').properties?.policy?.rules?.find(r => r.definition?.filters?.prefixMatch?.includes('mail-attachments/'));
check(attachmentsRule?.definition?.actions?.baseBlob?.delete && attachmentsRule?.definition?.actions?.version?.delete, 'storage: mail-attachments (and its previous versions) deleted by a lifecycle rule');
check(variables.containers?.includes('mail-attachments'), 'storage: container mail-attachments');

const insights = one('Microsoft.Insights/components');
check(ofType('Microsoft.OperationalInsights/workspaces').length === 1, 'monitoring: Log Analytics workspace');
check(insights.properties?.WorkspaceResourceId !== undefined, 'monitoring: workspace-based Application Insights');

const vault = one('Microsoft.KeyVault/vaults');
check(vault.properties?.enableRbacAuthorization === true, 'vault: RBAC mode');
check(vault.properties?.enablePurgeProtection === true, 'vault: purge protection');
const secrets = ofType('Microsoft.KeyVault/vaults/secrets');
check(secrets.length === 2, 'vault: two secrets (storage connection string, SendGrid key)');

const plan = one('Microsoft.Web/serverfarms');
check(plan.kind === 'linux' && plan.properties?.reserved === true, 'app: Linux plan');
const site = one('Microsoft.Web/sites');
check(site.identity?.type === 'SystemAssigned', 'app: system-assigned identity');
check(site.properties?.siteConfig?.alwaysOn === true, 'app: Always On');
check(site.properties?.httpsOnly === true, 'app: HTTPS only');
check(/DOTNETCORE\|10\.0/.test(site.properties?.siteConfig?.linuxFxVersion ?? ''), 'app: .NET 10');
const settingsText = JSON.stringify(one('Microsoft.Web/sites/config')) + text;
for (const key of ['AzureWebJobsStorage', 'SendGrid__ApiKey']) check(new RegExp(`"${key}":"\\[format\\('@Microsoft\\.KeyVault`).test(JSON.stringify(variables)) || settingsText.includes(`${key}`) && settingsText.includes('@Microsoft.KeyVault(SecretUri='), `app: ${key} as a Key Vault reference`);
for (const key of ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'Storage__AccountName', 'Ingestion__MaxUncompressedBytes', 'DropSweepSchedule', 'MonthlyReportSchedule', 'DropRemindersSchedule', 'CycleWatchSchedule',
  'Programme__TimeZoneId', 'Mail__From', 'Mail__FromName', 'Mail__PickupDirectory', 'Mail__MaxAttachmentBytes', 'Mail__LinkExpiryDays', 'Mail__MaxAttempts', 'Mail__BaseDelay', 'Mail__MaxDelay', 'Mail__RequestTimeout', 'Mail__ClaimLease',
  'SendGrid__Host', 'SendGrid__SandboxMode', 'SendGrid__WebhookPublicKey', 'TZ']) check(text.includes(`"${key}"`) || text.includes(`${key}:`) || text.includes(`'${key}'`), `app: setting ${key}`);
check(!/AccountKey=[A-Za-z0-9+/]{20}/.test(text), 'app: no literal storage key anywhere');

for (const role of ['ba92f5b4-2d11-453d-a403-e96b0029c9fe', '974c5e8b-45b9-4653-ba55-5f855dd0fb88', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', '4633458b-17de-408a-b874-0445c86b69e6']) check(text.includes(role), `roles: ${role}`);
check(ofType('Microsoft.Authorization/roleAssignments').length >= 2, 'roles: storage and vault assignments');
// A user delegation key (the paper links' signature) is issued only to a role held on the whole account, not a container.
const blobRole = ofType('Microsoft.Authorization/roleAssignments').find(r => JSON.stringify(r).includes('ba92f5b4-2d11-453d-a403-e96b0029c9fe') || JSON.stringify(r).includes('blobDataContributor'));
check(blobRole !== undefined && /Microsoft\.Storage\/storageAccounts/.test(blobRole.scope ?? '') && !/blobServices|containers/.test(blobRole.scope ?? ''), 'roles: Blob Data Contributor on the storage account (grants the user delegation key for paper links)');

const alerts = ofType('Microsoft.Insights/scheduledQueryRules');
const eventRule = id => text.includes(`customDimensions.EventId) == \\"${id}\\"`);
check(alerts.length >= 1 && eventRule(4000) && eventRule(3002) && eventRule(4001), 'alerts: failed runs (4000), poison queue (3002), missing monthly cycle (4001), by event id');
// One failure, one alert: a poisoned message alerts through its poison-queue event alone, so the runs rule must match Failed runs only.
check(text.includes('customDimensions.Outcome) == \\"Failed\\"') && !text.includes('Poisoned for'), 'alerts: a poisoned message is not alerted twice (runs rule matches Failed only)');
check(eventRule(3100), 'alerts: a recipient not delivered (bounce or drop, log event 3100)');
check(eventRule(1004), 'alerts: reporting.json invalid (log event 1004)');
check(eventRule(4002), 'alerts: a trigger listener failed (log event 4002)');
check(!/message (startswith|has|contains)/.test(text), 'alerts: no rule matches message text');
check(ofType('Microsoft.Insights/actionGroups').length === 1, 'alerts: action group');

for (const name of Object.keys(parameters)) check(name in template.parameters, `parameters file: ${name} is a template parameter`);
for (const [name, p] of Object.entries(template.parameters)) {
  if (p.defaultValue === undefined && !(name in parameters)) check(name === 'sendGridApiKey', `parameters file: ${name} has a value (only the secret is given at deployment)`);
}

if (failures.length > 0) {
  console.error(`infra: ${failures.length} of ${checks} checks failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(`infra: ${checks} checks passed`);

// SendFunctions: the SEND improvement reporting backend in one resource group.
// Deploy: see docs/deploy.md.

targetScope = 'resourceGroup'

@description('Environment name, used in every resource name (for example send-prod).')
@minLength(3)
@maxLength(16)
param environmentName string

param location string = resourceGroup().location

@description('Days deleted blobs and containers stay restorable.')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 30

@description('App Service plan SKU for the host.')
@allowed([
  'B1'
  'B2'
  'P0v3'
  'P1v3'
])
param planSku string = 'P0v3'

@secure()
@description('SendGrid API key (Mail Send). Given at deployment; stored only in Key Vault.')
param sendGridApiKey string

@description('SendGrid Event Webhook verification key (base64), from SendGrid\'s mail settings. Not a secret.')
param sendGridWebhookPublicKey string = ''

@description('Sender of every email.')
param mailFrom string

param mailFromName string = 'SEND Improvement Reporting'

@description('Operations address for alerts.')
param opsEmail string

param tags object = {
  service: 'SendFunctions'
  environment: environmentName
}

var suffix = uniqueString(resourceGroup().id, environmentName)
var storageName = take('st${replace(toLower(environmentName), '-', '')}${suffix}', 24)
var vaultName = take('kv-${toLower(environmentName)}-${suffix}', 24)

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageName
    location: location
    softDeleteDays: softDeleteDays
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: environmentName
    location: location
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: vaultName
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    sendGridApiKey: sendGridApiKey
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: environmentName
    location: location
    tags: tags
    planSku: planSku
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    storageSecretUri: vault.outputs.storageSecretUri
    sendGridSecretUri: vault.outputs.sendGridSecretUri
    insightsName: monitoring.outputs.insightsName
    settings: {
      Ingestion__MaxUncompressedBytes: '52428800'
      DropSweepSchedule: '0 */5 * * * *'
      MonthlyReportSchedule: '0 0 7 6 * *'
      DropRemindersSchedule: '0 0 8 * * 1-5'
      CycleWatchSchedule: '0 30 9 * * *'
      Programme__TimeZoneId: 'Europe/London'
      Mail__From: mailFrom
      Mail__FromName: mailFromName
      Mail__PickupDirectory: '/home/data/mail'
      Mail__MaxAttachmentBytes: '20971520'
      Mail__LinkExpiryDays: '14'
      Mail__MaxAttempts: '5'
      Mail__BaseDelay: '00:00:02'
      Mail__MaxDelay: '00:01:00'
      Mail__RequestTimeout: '00:01:00'
      Mail__ClaimLease: '00:03:00'
      SendGrid__Host: 'https://api.sendgrid.com'
      SendGrid__SandboxMode: 'false'
      SendGrid__WebhookPublicKey: sendGridWebhookPublicKey
    }
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    name: environmentName
    location: location
    tags: tags
    insightsId: monitoring.outputs.insightsId
    opsEmail: opsEmail
  }
}

output storageAccountName string = storage.outputs.name
output keyVaultName string = vault.outputs.name
output siteName string = app.outputs.siteName
output webhookUrl string = 'https://${app.outputs.hostName}/api/sendgrid/events'

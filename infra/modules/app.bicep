// The function host on a Linux App Service plan: a system-assigned identity, Always On, secrets only as
// Key Vault references, and the data roles it needs on the storage account and the vault.

param name string
param location string
param tags object
param storageAccountName string
param keyVaultName string
param storageSecretUri string
param sendGridSecretUri string
param insightsName string

@description('App Service plan SKU (Always On needs Basic or above).')
param planSku string

@description('Settings of the host that are not secrets (string values): see the README\'s configuration table.')
param settings object

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${name}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
  }
  properties: {
    reserved: true
  }
}

var secretSettings = {
  AzureWebJobsStorage: '@Microsoft.KeyVault(SecretUri=${storageSecretUri})'
  SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})'
}

var platformSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  Storage__AccountName: storage.name
  Storage__EndpointSuffix: environment().suffixes.storage
  DOTNET_ENVIRONMENT: 'Production'
  TZ: 'Europe/London'
  WEBSITE_RUN_FROM_PACKAGE: '1'
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${name}'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet SendFunctions.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// Every configuration key of the README: plain settings, platform settings, and secrets as Key Vault references.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, platformSettings, secretSettings)
}

// Built-in role definitions (ids are the same in every tenant). Storage Blob Data Contributor, assigned on the account
// itself, also grants Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action: the app signs a
// large paper's link as a user-delegation SAS with it (it has no account key), so no separate Storage Blob Delegator role
// is needed. The key is issued only for an assignment at account scope or above, never one on a container.
var roles = {
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.blobDataContributor, roles.queueDataContributor, roles.tableDataContributor]: {
  name: guid(storage.id, site.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output siteName string = site.name
output principalId string = site.identity.principalId
output hostName string = site.properties.defaultHostName

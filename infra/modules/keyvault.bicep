// Key Vault in RBAC mode with purge protection, holding the two secrets the app reads through Key Vault
// references: the storage connection string (the WebJobs triggers need one) and the SendGrid API key.

param name string
param location string
param tags object
param storageAccountName string

@secure()
@description('SendGrid API key with Mail Send permission.')
param sendGridApiKey string

@minValue(7)
@maxValue(90)
param softDeleteDays int = 90

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enablePurgeProtection: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteDays
    publicNetworkAccess: 'Enabled'
  }
}

resource storageSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    contentType: 'Azure Storage connection string'
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'sendgrid-api-key'
  properties: {
    contentType: 'SendGrid API key'
    value: sendGridApiKey
  }
}

output id string = vault.id
output name string = vault.name
output storageSecretUri string = storageSecret.properties.secretUri
output sendGridSecretUri string = sendGridSecret.properties.secretUri

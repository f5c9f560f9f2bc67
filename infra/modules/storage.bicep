// The one storage account: containers, queues and tables of DESIGN.md; versioning, soft delete and
// lifecycle rules (the archive to cool; stored mail attachments deleted). Shared-key access stays on because
// the WebJobs storage extension 4.0 takes a connection string only (see docs/deploy.md for turning it off later).

@description('Storage account name (3-24 lower-case letters and digits).')
param name string

param location string

@description('Days deleted blobs and containers can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int

@description('Days after which archived uploads move to the cool tier.')
param archiveCoolAfterDays int = 90

@description('Days after which an owner email\'s stored attachment (mail-attachments: return templates, which can name people) is deleted, with its previous versions, if the app has not deleted it when the email was settled. A queued message lives at most 7 days.')
@minValue(1)
param mailAttachmentsDeleteAfterDays int = 7

param tags object

var containers = [
  'drops'
  'archive'
  'validation'
  'curated'
  'reports'
  'config'
  'mail-attachments'
]

var queues = [
  'report-requests'
  'report-requests-poison'
  'email-requests'
  'email-requests-poison'
  'owner-emails'
  'owner-emails-poison'
]

var tables = [
  'runs'
  'deliveries'
  'recipients'
  'inflight'
  'calendar'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: { enabled: true }
        file: { enabled: true }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    changeFeed: {
      enabled: true
    }
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in containers: {
  parent: blobService
  name: container
  properties: {
    publicAccess: 'None'
  }
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queues: {
  parent: queueService
  name: queue
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tables: {
  parent: tableService
  name: table
}]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'archive-to-cool'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'archive/'
              ]
            }
            actions: {
              baseBlob: {
                tierToCool: {
                  daysAfterModificationGreaterThan: archiveCoolAfterDays
                }
              }
            }
          }
        }
        {
          name: 'mail-attachments-delete'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'mail-attachments/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: mailAttachmentsDeleteAfterDays
                }
              }
              version: {
                delete: {
                  daysAfterCreationGreaterThan: mailAttachmentsDeleteAfterDays
                }
              }
              snapshot: {
                delete: {
                  daysAfterCreationGreaterThan: mailAttachmentsDeleteAfterDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

output id string = account.id
output name string = account.name

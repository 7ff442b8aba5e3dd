metadata description = 'One role for one principal on one table of a storage account, e.g. read access to the Audit table and to nothing else.'

@description('Object ID of the principal that receives the role.')
param principalId string

@description('Kind of principal.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string

@description('Name of the storage account holding the table.')
param storageAccountName string

@description('Name of the table to scope the role to.')
param tableName string

@description('Role definition ID (GUID) to grant on the table.')
param roleDefinitionId string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' existing = {
  parent: storage
  name: 'default'
}

resource table 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' existing = {
  parent: tableService
  name: tableName
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(table.id, principalId, roleDefinitionId)
  scope: table
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
  }
}

metadata description = 'Role assignments for one principal, each scoped to the single resource it needs: the storage account, the Key Vault and the Application Insights component.'

@description('Object ID of the principal that receives the roles.')
param principalId string

@description('Kind of principal.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string

@description('Name of the storage account to scope storage roles to.')
param storageAccountName string

@description('Role definition IDs (GUIDs) to grant on the storage account.')
param storageRoleDefinitionIds string[] = []

@description('Name of the Key Vault to scope Key Vault roles to; empty where there is no vault (keyless mode).')
param keyVaultName string = ''

@description('Role definition IDs (GUIDs) to grant on the Key Vault.')
param keyVaultRoleDefinitionIds string[] = []

@description('Name of the Application Insights component to scope monitoring roles to.')
param applicationInsightsName string

@description('Role definition IDs (GUIDs) to grant on the Application Insights component.')
param applicationInsightsRoleDefinitionIds string[] = []

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = if (!empty(keyVaultName)) {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleDefinitionIds: {
    name: guid(storage.id, principalId, roleId)
    scope: storage
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource keyVaultRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in keyVaultRoleDefinitionIds: {
    name: guid(vault!.id, principalId, roleId)
    scope: vault
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource applicationInsightsRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in applicationInsightsRoleDefinitionIds: {
    name: guid(applicationInsights.id, principalId, roleId)
    scope: applicationInsights
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

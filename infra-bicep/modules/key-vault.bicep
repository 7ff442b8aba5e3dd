metadata description = 'Key Vault (RBAC authorization, soft delete and purge protection) holding the broker IAM user\'s AWS secret access key in AccessKey mode; empty in keyless (WebIdentity) mode.'

@description('Name of the Key Vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region for the Key Vault.')
param location string

@description('Tags applied to the Key Vault and its secret.')
param tags object

@description('Name of the secret that holds the AWS secret access key.')
param awsSecretAccessKeySecretName string

@description('Secret access key of the broker IAM user.')
@secure()
param awsSecretAccessKey string

@description('False in keyless (WebIdentity) mode: there is no AWS secret to store.')
param storeAwsSecret bool

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
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
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
  }
}

resource awsSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (storeAwsSecret) {
  parent: vault
  name: awsSecretAccessKeySecretName
  tags: tags
  properties: {
    value: awsSecretAccessKey
    contentType: 'AWS secret access key of the FileBridge broker IAM user'
  }
}

@description('Resource ID of the Key Vault.')
output id string = vault.id

@description('Name of the Key Vault.')
output name string = vault.name

@description('Versionless URI of the AWS key secret, so a rotated key is picked up without redeploying.')
output awsKeyVaultReferenceUri string = storeAwsSecret ? awsSecret!.properties.secretUri : ''

metadata description = 'Key Vault (RBAC authorization, soft delete and purge protection) holding the sign-in keys (Login:SecretsKey, Login:DeviceKey) in every mode and, in AccessKey mode, the broker IAM user\'s AWS secret access key. No secret value passes through the template: the AWS key is written only when a value is given, and the sign-in keys are generated once by scripts/login-keys.sh after provisioning, so a redeploy never blanks or replaces one.'

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

@description('Name of the secret that holds Login:SecretsKey (encrypts TOTP secrets); scripts/login-keys.sh writes it once.')
param loginSecretsKeySecretName string

@description('Name of the secret that holds Login:DeviceKey (MACs device cookies); scripts/login-keys.sh writes it once.')
param loginDeviceKeySecretName string

@description('Secret access key of the broker IAM user; empty leaves the stored secret as it is (set it with az keyvault secret set).')
@secure()
param awsSecretAccessKey string

@description('Recover the soft-deleted vault of this name instead of creating one (after azd down --purge: purge protection keeps the name for 90 days).')
param recover bool = false

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    createMode: recover ? 'recover' : 'default'
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

// Only a given value is written: an empty parameter on a redeploy must not replace the key with ''.
resource awsSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(awsSecretAccessKey)) {
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

@description('Versionless URI of the Login:SecretsKey secret.')
output loginSecretsKeyReferenceUri string = '${vault.properties.vaultUri}secrets/${loginSecretsKeySecretName}'

@description('Versionless URI of the Login:DeviceKey secret.')
output loginDeviceKeyReferenceUri string = '${vault.properties.vaultUri}secrets/${loginDeviceKeySecretName}'

@description('Versionless URI of the AWS key secret, so a rotated key is picked up without redeploying.')
output awsKeyVaultReferenceUri string = '${vault.properties.vaultUri}secrets/${awsSecretAccessKeySecretName}'

metadata description = 'Entry point for the Azure Developer CLI (azure.yaml): creates the resource group rg-<environment> and deploys ../main.bicep into it with parameters taken from the azd environment (main.parameters.json here); the deploying principal becomes an operator. ../main.parameters*.json stay for the az path.'

targetScope = 'subscription'

@description('Name of the azd environment; names and tags derive from it.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of the resource group and its resources.')
@minLength(1)
param location string

@description('Resource group to create or update; empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the principal running azd (azd sets AZURE_PRINCIPAL_ID): it becomes an operator, so it can create the first user.')
param principalId string = ''

@description('Kind of that principal (azd sets AZURE_PRINCIPAL_TYPE: User, or ServicePrincipal in a pipeline).')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Further operators, comma-separated object ids, each optionally followed by :User, :Group or :ServicePrincipal (FILEBRIDGE_OPERATORS), for example "1111...,2222...:Group".')
param operatorIds string = ''

@description('AWS region of the bucket and of STS (the AWS stack\'s Region output).')
param awsRegion string

@description('How the app authenticates to AWS: WebIdentity (keyless) or AccessKey.')
@allowed([
  'WebIdentity'
  'AccessKey'
])
param awsCredentialSource string = 'WebIdentity'

@description('WebIdentity: the audience of the managed identity\'s token (the AWS stack\'s WebIdentityAudience).')
param awsWebIdentityAudience string = ''

@description('AccessKey: access key id of the broker IAM user; its secret is set in Key Vault by hand, never through azd.')
param awsAccessKeyId string = ''

@description('ARN of the reader role (the AWS stack\'s RoleArn output).')
param awsRoleArn string

@description('The S3 bucket people read (the AWS stack\'s BucketName output).')
param filesBucket string = ''

@description('Named locations (FILES_LOCATIONS, JSON that azd writes into the parameters file as it is): an array of { name, bucket, prefix?, roleArn?, region? }; empty: the one bucket.')
param filesLocations array = []

@description('Further app settings (FILEBRIDGE_APP_SETTINGS, a JSON object written in as it is), for example {"Files__SearchScanLimit":"10000"}.')
param appSettings object = {}

@description('Off, Optional or Required (Login:SecondFactor; FILEBRIDGE_SECOND_FACTOR).')
@allowed([
  'Off'
  'Optional'
  'Required'
])
param loginSecondFactor string = 'Required'

@description('UTC date until which, under Required, a password alone may enrol a first factor (Login:EnrollWithPasswordUntil; FILEBRIDGE_ENROLL_WITH_PASSWORD_UNTIL); empty: no window.')
param loginOpenEnrollmentUntil string = ''

@description('Put Azure Front Door with the WAF rate limits in front ("true" or "false"; FILEBRIDGE_EDGE).')
@allowed([
  'true'
  'false'
])
param edgeEnabled string = 'false'

@description('Origins of custom domains that serve the page.')
param webExtraAllowedOrigins array = []

@description('E-mail address the alerts notify (ALERT_EMAIL_ADDRESS); required.')
param alertEmailAddress string

@description('Recover this environment\'s soft-deleted Key Vault ("true" or "false"; the preprovision hook sets KEY_VAULT_RECOVER).')
@allowed([
  'true'
  'false'
])
param keyVaultRecover string = 'false'

var groupName = !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'

// "id" or "id:Type" entries; the deploying principal first. union() drops an operator listed twice.
var namedOperators = map(filter(split(operatorIds, ','), entry => !empty(trim(entry))), entry => {
  principalId: trim(split(entry, ':')[0])
  principalType: length(split(entry, ':')) > 1 ? trim(split(entry, ':')[1]) : 'User'
})
var operators = union(empty(principalId) ? [] : [{ principalId: principalId, principalType: principalType }], namedOperators)

resource group 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: groupName
  location: location
  tags: {
    'azd-env-name': environmentName
  }
}

module filebridge '../main.bicep' = {
  name: 'filebridge'
  scope: group
  params: {
    environmentName: environmentName
    location: location
    awsRegion: awsRegion
    awsCredentialSource: awsCredentialSource
    awsWebIdentityAudience: awsWebIdentityAudience
    awsAccessKeyId: awsAccessKeyId
    awsRoleArn: awsRoleArn
    filesBucket: filesBucket
    filesLocations: filesLocations
    appSettings: appSettings
    loginSecondFactor: loginSecondFactor
    loginOpenEnrollmentUntil: loginOpenEnrollmentUntil
    edgeEnabled: edgeEnabled == 'true'
    operators: operators
    webExtraAllowedOrigins: webExtraAllowedOrigins
    alertEmailAddress: alertEmailAddress
    keyVaultRecover: keyVaultRecover == 'true'
    // The postprovision hook, run as this principal, writes the sign-in keys into the vault once.
    keyWriterPrincipalId: principalId
    keyWriterPrincipalType: principalType
  }
}

@description('Resource group of the deployment (azd deploys the services into it).')
output AZURE_RESOURCE_GROUP string = group.name

@description('URL people open, and the one the smoke test asks: the edge\'s with the edge on, otherwise the static web app\'s.')
output APP_URL string = filebridge.outputs.APP_URL

@description('URL of the static web app\'s own host.')
output STATIC_WEB_APP_URL string = filebridge.outputs.STATIC_WEB_APP_URL

@description('Name of the Function App.')
output FUNCTION_APP_NAME string = filebridge.outputs.FUNCTION_APP_NAME

@description('Table endpoint for the admin tool (Users__ServiceUri).')
output USERS_SERVICE_URI string = filebridge.outputs.USERS_SERVICE_URI

@description('Resource id of the storage account, the scope of the operators\' table role.')
output STORAGE_ACCOUNT_ID string = filebridge.outputs.STORAGE_ACCOUNT_ID

@description('Principal id of the managed identity (the AWS stack\'s ManagedIdentityPrincipalId).')
output MANAGED_IDENTITY_PRINCIPAL_ID string = filebridge.outputs.MANAGED_IDENTITY_PRINCIPAL_ID

@description('Entra ID tenant (the AWS stack\'s EntraTenantId).')
output AZURE_TENANT_ID string = filebridge.outputs.AZURE_TENANT_ID

@description('Name of the Key Vault: the sign-in keys (the postprovision hook writes them once) and, in AccessKey mode, the AWS secret.')
output KEY_VAULT_NAME string = filebridge.outputs.KEY_VAULT_NAME

@description('Object ids that got the operator\'s table role in this provision, comma-separated.')
output OPERATOR_IDS string = join(map(operators, o => o.principalId), ',')

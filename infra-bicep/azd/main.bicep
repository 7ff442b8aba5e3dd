metadata description = 'Entry point for the Azure Developer CLI (azure.yaml): deploys ../main.bicep with parameters taken from the azd environment (main.parameters.json here), leaving ../main.parameters*.json for the az path.'

@description('Name of the azd environment; names and tags derive from it.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of the resources (the resource group\'s by default).')
param location string = resourceGroup().location

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

@description('ARN of the reader role (the AWS stack\'s RoleArn output).')
param awsRoleArn string

@description('The S3 bucket people read (the AWS stack\'s BucketName output).')
param filesBucket string

@description('Operators who run the admin tool, as in ../main.bicep.')
param operators array = []

@description('Origins of custom domains that serve the page.')
param webExtraAllowedOrigins array = []

@description('E-mail address the alerts notify.')
param alertEmailAddress string = ''

module filebridge '../main.bicep' = {
  name: 'filebridge'
  params: {
    environmentName: environmentName
    location: location
    awsRegion: awsRegion
    awsCredentialSource: awsCredentialSource
    awsWebIdentityAudience: awsWebIdentityAudience
    awsRoleArn: awsRoleArn
    filesBucket: filesBucket
    operators: operators
    webExtraAllowedOrigins: webExtraAllowedOrigins
    alertEmailAddress: alertEmailAddress
  }
}

@description('URL of the static web app: the address people use and the smoke test checks.')
output STATIC_WEB_APP_URL string = filebridge.outputs.STATIC_WEB_APP_URL

@description('Name of the Function App.')
output FUNCTION_APP_NAME string = filebridge.outputs.FUNCTION_APP_NAME

@description('Table endpoint for the admin tool (Users__ServiceUri).')
output USERS_SERVICE_URI string = filebridge.outputs.USERS_SERVICE_URI

@description('Principal id of the managed identity (the AWS stack\'s ManagedIdentityPrincipalId).')
output MANAGED_IDENTITY_PRINCIPAL_ID string = filebridge.outputs.MANAGED_IDENTITY_PRINCIPAL_ID

@description('Entra ID tenant (the AWS stack\'s EntraTenantId).')
output AZURE_TENANT_ID string = filebridge.outputs.AZURE_TENANT_ID

@description('Name of the Key Vault (AccessKey mode keeps the AWS secret there).')
output KEY_VAULT_NAME string = filebridge.outputs.KEY_VAULT_NAME

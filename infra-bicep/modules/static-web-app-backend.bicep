metadata description = 'Links the Function App to the static web app as its backend, so /api is served on the web page\'s own origin.'

@description('Name of the existing static web app.')
param staticWebAppName string

@description('Resource ID of the Function App to link.')
param backendResourceId string

@description('Azure region of the Function App.')
param backendLocation string

resource staticWebApp 'Microsoft.Web/staticSites@2025-03-01' existing = {
  name: staticWebAppName
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2025-03-01' = {
  parent: staticWebApp
  name: 'backend'
  properties: {
    backendResourceId: backendResourceId
    region: backendLocation
  }
}

@description('Resource ID of the link.')
output id string = backend.id

metadata description = 'Azure Static Web App (Standard) that serves the FileBridge web page; Standard is the tier that can link a Function App as its API backend.'

@description('Name of the static web app.')
param name string

@description('Azure region for the static web app (only some regions offer Static Web Apps).')
param location string

@description('Tags applied to the static web app.')
param tags object

resource staticWebApp 'Microsoft.Web/staticSites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

@description('Resource ID of the static web app.')
output id string = staticWebApp.id

@description('Name of the static web app.')
output name string = staticWebApp.name

@description('Default host name of the static web app (no scheme).')
output defaultHostname string = staticWebApp.properties.defaultHostname

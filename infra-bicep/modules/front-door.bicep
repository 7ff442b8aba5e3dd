metadata description = 'Azure Front Door (Standard or Premium) in front of the static web app: one endpoint routing every path to the static web app (which forwards /api to the linked Function App), no caching, a rule that overwrites the client-address header with the TCP peer address, and the WAF policy attached to the endpoint.'

@description('Name of the Front Door profile.')
param name string

@description('Name of the Front Door endpoint; Azure adds a hash to make its host name unique.')
param endpointName string

@description('Tags applied to the profile and the endpoint.')
param tags object

@description('Front Door tier: Standard has custom WAF rules (rate limits included); Premium adds managed rule sets and Private Link origins.')
@allowed([
  'Standard_AzureFrontDoor'
  'Premium_AzureFrontDoor'
])
param skuName string

@description('Host name of the static web app the endpoint forwards to (no scheme).')
param originHostName string

@description('Resource ID of the WAF policy to attach to the endpoint.')
param wafPolicyId string

@description('Request header Front Door sets to the client\'s TCP address, overwriting any value the client sent; the app reads it (Web:ClientAddressHeader).')
param clientAddressHeader string

resource profile 'Microsoft.Cdn/profiles@2025-06-01' = {
  name: name
  location: 'global'
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    originResponseTimeoutSeconds: 60
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2025-06-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

// One origin, so no health probe: Front Door has nowhere else to send traffic, and probes would
// only add requests to the static web app.
resource originGroup 'Microsoft.Cdn/profiles/originGroups@2025-06-01' = {
  parent: profile
  name: 'static-web-app'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    sessionAffinityState: 'Disabled'
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2025-06-01' = {
  parent: originGroup
  name: 'static-web-app'
  properties: {
    hostName: originHostName
    originHostHeader: originHostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}

// The header carries exactly one address, written here from the TCP connection; whatever a client
// put in a header of that name is replaced, so the app's right-most entry is always Front Door's.
resource ruleSet 'Microsoft.Cdn/profiles/ruleSets@2025-06-01' = {
  parent: profile
  name: 'clientaddress'
}

resource clientAddressRule 'Microsoft.Cdn/profiles/ruleSets/rules@2025-06-01' = {
  parent: ruleSet
  name: 'setclientaddress'
  properties: {
    order: 1
    matchProcessingBehavior: 'Continue'
    conditions: []
    actions: [
      {
        name: 'ModifyRequestHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: clientAddressHeader
          value: '{socket_ip}'
        }
      }
    ]
  }
}

// No cacheConfiguration: nothing is cached, so every /api answer (no-store, per-user) reaches the
// client from the app and the page from the static web app, as without the edge.
resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2025-06-01' = {
  parent: endpoint
  name: 'static-web-app'
  dependsOn: [
    origin
    clientAddressRule
  ]
  properties: {
    originGroup: {
      id: originGroup.id
    }
    ruleSets: [
      {
        id: ruleSet.id
      }
    ]
    supportedProtocols: [
      'Http'
      'Https'
    ]
    patternsToMatch: [
      '/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Enabled'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2025-06-01' = {
  parent: profile
  name: 'rate-limits'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: wafPolicyId
      }
      associations: [
        {
          domains: [
            {
              id: endpoint.id
            }
          ]
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}

@description('Name of the Front Door profile.')
output name string = profile.name

@description('Front Door ID that Front Door sends as X-Azure-FDID; the static web app can require it so that it accepts traffic only through this profile.')
output frontDoorId string = profile.properties.frontDoorId

@description('Host name of the endpoint (no scheme), the address people use when the edge is on.')
output endpointHostName string = endpoint.properties.hostName

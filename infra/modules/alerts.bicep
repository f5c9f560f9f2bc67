// Alerts on the host's logs in Application Insights, matched by log event id (src/SendFunctions/Log.cs), never by message
// text: the OpenTelemetry Azure Monitor exporter stores a log's EventId as the custom dimension "EventId" (and its
// structured values beside it), so rewording a message cannot silently disable an alert. A log written with an
// exception lands in the exceptions table rather than traces, hence the union. Rules: a failed run (including an email
// refused for good or left unconfirmed), a message poisoned on a queue (logged the moment the queue receives it), a
// recipient SendGrid could not deliver to (bounce or drop), no monthly cycle in 35 days, and a trigger listener failure
// (storage unreachable; the host restarts itself). One failure raises one alert: a transient email failure the queue
// retries is a Retrying run (no alert), and a poisoned message alerts through the poison rule only.
// tests/SendFunctions.IntegrationTests/AlertRulesTests.cs checks every id here is an event the host logs.

param name string
param location string
param tags object
param insightsId string

@description('Who is told: the operations team\'s address.')
param opsEmail string

resource opsGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${name}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('sendfx${uniqueString(name)}', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'ops'
        emailAddress: opsEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var rules = [
  {
    key: 'run-failed'
    description: 'A function run was recorded with outcome Failed (runs table, log event 4000): for an email, refused for good or Unconfirmed.'
    severity: 1
    frequency: 'PT5M'
    query: 'union traces, exceptions | where tostring(customDimensions.EventId) == "4000" and tostring(customDimensions.Outcome) == "Failed"'
  }
  {
    key: 'poison-queue-not-empty'
    description: 'A message failed every attempt and reached a -poison queue (log event 3002; an email\'s delivery row then says Poisoned or Unconfirmed).'
    severity: 1
    frequency: 'PT5M'
    query: 'union traces, exceptions | where tostring(customDimensions.EventId) == "3002"'
  }
  {
    key: 'recipient-not-delivered'
    description: 'SendGrid reported a bounce or drop: a recipient did not get an email (log event 3100; sendfx deliveries shows who and why).'
    severity: 2
    frequency: 'PT15M'
    query: 'union traces, exceptions | where tostring(customDimensions.EventId) == "3100"'
  }
  {
    key: 'config-invalid'
    description: 'config/reporting.json has an error, found when it was uploaded or the host started (log event 1004): nothing that needs it is generated or sent until it is fixed; sendfx config check names each problem and its fix.'
    severity: 2
    frequency: 'PT15M'
    query: 'traces | where tostring(customDimensions.EventId) == "1004"'
  }
  {
    key: 'no-monthly-report-cycle'
    description: 'No MonthlyReportCycle run in 35 days (CycleWatch, log event 4001).'
    severity: 2
    frequency: 'PT1H'
    query: 'union traces, exceptions | where tostring(customDimensions.EventId) == "4001"'
  }
  {
    key: 'listener-failed'
    description: 'A trigger listener failed (storage unreachable or refusing): the host stops and restarts itself with back-off (log event 4002, with the exception).'
    severity: 1
    frequency: 'PT5M'
    query: 'union traces, exceptions | where tostring(customDimensions.EventId) == "4002"'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for rule in rules: {
  name: 'alert-${name}-${rule.key}'
  location: location
  tags: tags
  properties: {
    displayName: '${name}: ${rule.key}'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      insightsId
    ]
    evaluationFrequency: rule.frequency
    windowSize: rule.frequency
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        opsGroup.id
      ]
    }
  }
}]

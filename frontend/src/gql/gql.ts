/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AlertFields on Alert {\n    id\n    tenant {\n      id\n      name\n      slug\n    }\n    ruleId\n    ruleTitle\n    severity\n    status\n    disposition\n    assigneeId\n    groupKey\n    group\n    eventCount\n    firstEventAt\n    lastEventAt\n    createdAt\n    sla {\n      target\n      status\n      dueAt\n      warnAt\n      paused\n    }\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  query Alerts($filter: AlertFilter, $first: Int, $after: String, $orderBy: AlertOrder) {\n    alerts(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  query Alert($id: ID!) {\n    alert(id: $id) {\n      ...AlertFields\n      ruleDescription\n      closeComment\n      caseId\n      techniques\n      tactics\n      detectedAt\n      detectionDelaySeconds\n      acknowledgedAt\n      closedAt\n      sla {\n        target\n        status\n        calendar\n        dueAt\n        completedAt\n      }\n      events {\n        id\n        seq\n        timestamp\n        receivedAt\n        source\n        host\n        severity\n        product\n        category\n        service\n        fields\n        raw\n        rawTruncated\n      }\n    }\n  }\n": typeof types.AlertDocument,
    "\n  subscription AlertEvents($filter: AlertFilter) {\n    alertEvents(filter: $filter) {\n      kind\n      alert {\n        ...AlertFields\n      }\n    }\n  }\n": typeof types.AlertEventsDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      ...AlertFields\n      acknowledgedAt\n    }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(id: $id, userId: $userId) {\n      ...AlertFields\n    }\n  }\n": typeof types.AssignAlertDocument,
    "\n  mutation CloseAlerts($ids: [ID!]!, $disposition: Disposition!, $comment: String) {\n    closeAlerts(ids: $ids, disposition: $disposition, comment: $comment) {\n      ...AlertFields\n      closeComment\n      closedAt\n    }\n  }\n": typeof types.CloseAlertsDocument,
    "\n  query AlertRules($tenantIds: [ID!]) {\n    ruleTriageStats(tenantIds: $tenantIds) {\n      tenantId\n      ruleId\n      ruleTitle\n      alerts\n    }\n  }\n": typeof types.AlertRulesDocument,
    "\n  query Viewer {\n    me {\n      id\n      email\n      displayName\n      role\n      tenantId\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment CaseRow on Case {\n    id\n    number\n    tenant {\n      id\n      name\n      slug\n    }\n    title\n    severity\n    status\n    assigneeId\n    source\n    updatedAt\n    sla {\n      target\n      status\n      dueAt\n      warnAt\n      paused\n    }\n  }\n": typeof types.CaseRowFragmentDoc,
    "\n  query Cases($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CaseRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CasesDocument,
    "\n  query Case($id: ID!) {\n    case(id: $id) {\n      ...CaseRow\n      description\n      allowedTransitions\n      waitingReason\n      tags\n      tlp\n      pap\n      mergedInto\n      createdAt\n      resolvedAt\n      closedAt\n      sla {\n        target\n        status\n        calendar\n        dueAt\n        warnAt\n        paused\n        completedAt\n        remainingSeconds\n      }\n      comments {\n        id\n        body\n        visibility\n        createdAt\n        authorId\n      }\n      tasks {\n        id\n        title\n        status\n        assigneeId\n        dueAt\n      }\n      observables {\n        id\n        kind\n        value\n        ioc\n        note\n        sightings {\n          events\n          alerts\n        }\n      }\n      actions {\n        id\n        description\n        status\n        proposedAt\n        decidedAt\n        decisionComment\n      }\n      timeline {\n        id\n        at\n        kind\n        summary\n        visibility\n        actorId\n      }\n      attachments {\n        id\n        filename\n        contentType\n        size\n        visibility\n        createdAt\n        url\n      }\n      alerts {\n        id\n        ruleTitle\n        severity\n        status\n        createdAt\n      }\n    }\n  }\n": typeof types.CaseDocument,
    "\n  mutation UpdateCaseStatus($id: ID!, $status: CaseStatus!, $reason: String) {\n    updateCaseStatus(id: $id, status: $status, reason: $reason) {\n      id\n      status\n      allowedTransitions\n      waitingReason\n    }\n  }\n": typeof types.UpdateCaseStatusDocument,
    "\n  mutation AssignCase($id: ID!, $userId: ID) {\n    assignCase(id: $id, userId: $userId) {\n      id\n      assigneeId\n    }\n  }\n": typeof types.AssignCaseDocument,
    "\n  mutation AddComment($caseId: ID!, $body: String!, $visibility: Visibility!) {\n    addComment(caseId: $caseId, body: $body, visibility: $visibility) {\n      id\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  mutation AddTask($caseId: ID!, $title: String!) {\n    addTask(caseId: $caseId, title: $title) {\n      id\n    }\n  }\n": typeof types.AddTaskDocument,
    "\n  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) {\n    updateTask(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.UpdateTaskDocument,
    "\n  mutation AddObservable($caseId: ID!, $kind: ObservableKind!, $value: String!, $ioc: Boolean, $note: String) {\n    addObservable(caseId: $caseId, kind: $kind, value: $value, ioc: $ioc, note: $note) {\n      id\n    }\n  }\n": typeof types.AddObservableDocument,
    "\n  mutation ProposeAction($caseId: ID!, $description: String!) {\n    proposeAction(caseId: $caseId, description: $description) {\n      id\n    }\n  }\n": typeof types.ProposeActionDocument,
    "\n  mutation DecideAction($id: ID!, $approve: Boolean!, $comment: String) {\n    decideAction(id: $id, approve: $approve, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.DecideActionDocument,
    "\n  mutation AddTimelineEvent($caseId: ID!, $at: DateTime!, $summary: String!, $visibility: Visibility!) {\n    addTimelineEvent(caseId: $caseId, at: $at, summary: $summary, visibility: $visibility) {\n      id\n    }\n  }\n": typeof types.AddTimelineEventDocument,
    "\n  mutation AddAttachment(\n    $caseId: ID!\n    $filename: String!\n    $contentType: String!\n    $contentBase64: String!\n    $visibility: Visibility!\n  ) {\n    addAttachment(\n      caseId: $caseId\n      filename: $filename\n      contentType: $contentType\n      contentBase64: $contentBase64\n      visibility: $visibility\n    ) {\n      id\n    }\n  }\n": typeof types.AddAttachmentDocument,
    "\n  mutation EscalateAlerts($alertIds: [ID!]!, $caseId: ID, $title: String) {\n    escalateAlerts(alertIds: $alertIds, caseId: $caseId, title: $title) {\n      id\n    }\n  }\n": typeof types.EscalateAlertsDocument,
    "\n  mutation ReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      id\n    }\n  }\n": typeof types.ReportIncidentDocument,
    "\n  query OpenCases($tenantIds: [ID!]) {\n    cases(filter: { tenantIds: $tenantIds, openOnly: true }, first: 100) {\n      edges {\n        node {\n          id\n          number\n          title\n          severity\n        }\n      }\n    }\n  }\n": typeof types.OpenCasesDocument,
    "\n  query Events($tenantId: ID!, $filter: EventFilter, $first: Int, $after: String) {\n    events(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          seq\n          timestamp\n          receivedAt\n          source\n          host\n          severity\n          product\n          category\n          service\n          fields\n          raw\n          rawTruncated\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  fragment IngestTokenFields on IngestToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.IngestTokenFieldsFragmentDoc,
    "\n  query IngestTokens($tenantId: ID!) {\n    ingestTokens(tenantId: $tenantId) {\n      ...IngestTokenFields\n    }\n  }\n": typeof types.IngestTokensDocument,
    "\n  mutation CreateIngestToken($tenantId: ID!, $name: String!) {\n    createIngestToken(tenantId: $tenantId, name: $name) {\n      token\n      ingestToken {\n        ...IngestTokenFields\n      }\n    }\n  }\n": typeof types.CreateIngestTokenDocument,
    "\n  mutation RevokeIngestToken($id: ID!) {\n    revokeIngestToken(id: $id) {\n      ...IngestTokenFields\n    }\n  }\n": typeof types.RevokeIngestTokenDocument,
    "\n  query SyslogSources($tenantId: ID!) {\n    syslogSources(tenantId: $tenantId) {\n      id\n      cidr\n      createdAt\n    }\n  }\n": typeof types.SyslogSourcesDocument,
    "\n  mutation BindSyslogSource($tenantId: ID!, $cidr: String!) {\n    bindSyslogSource(tenantId: $tenantId, cidr: $cidr) {\n      id\n      cidr\n      createdAt\n    }\n  }\n": typeof types.BindSyslogSourceDocument,
    "\n  mutation UnbindSyslogSource($id: ID!) {\n    unbindSyslogSource(id: $id) {\n      id\n    }\n  }\n": typeof types.UnbindSyslogSourceDocument,
    "\n  query IngestLimits($tenantId: ID!) {\n    ingestLimits(tenantId: $tenantId) {\n      eventsPerSecond\n      bytesPerDay\n      retentionDays\n    }\n  }\n": typeof types.IngestLimitsDocument,
    "\n  mutation SetIngestLimits($tenantId: ID!, $eventsPerSecond: Int, $bytesPerDay: Int, $retentionDays: Int) {\n    setIngestLimits(\n      tenantId: $tenantId\n      eventsPerSecond: $eventsPerSecond\n      bytesPerDay: $bytesPerDay\n      retentionDays: $retentionDays\n    ) {\n      eventsPerSecond\n      bytesPerDay\n      retentionDays\n    }\n  }\n": typeof types.SetIngestLimitsDocument,
    "\n  query IngestHealth($tenantId: ID!, $dayFrom: DateTime!, $hourFrom: DateTime!, $to: DateTime!) {\n    day: ingestStats(tenantId: $tenantId, from: $dayFrom, to: $to) {\n      sources {\n        source\n        received\n        stored\n        rejected\n        deadLettered\n        bytes\n      }\n    }\n    lastHour: ingestStats(tenantId: $tenantId, from: $hourFrom, to: $to) {\n      sources {\n        source\n        received\n      }\n    }\n  }\n": typeof types.IngestHealthDocument,
    "\n  query RulePacks {\n    rulePacks {\n      id\n      name\n      version\n      ruleCount\n      updatedAt\n      versions {\n        version\n        importedAt\n        ruleCount\n        added\n        removed\n        changed\n        rejected {\n          source\n          reason\n        }\n      }\n    }\n  }\n": typeof types.RulePacksDocument,
    "\n  mutation ImportRulePack($name: String!, $rules: [String!]!) {\n    importRulePack(name: $name, rules: $rules) {\n      id\n      name\n      version\n      ruleCount\n      updatedAt\n      versions {\n        version\n        importedAt\n        ruleCount\n        added\n        removed\n        changed\n        rejected {\n          source\n          reason\n        }\n      }\n    }\n  }\n": typeof types.ImportRulePackDocument,
    "\n  query TenantPacks($tenantId: ID!) {\n    rulePacks {\n      id\n      name\n      version\n      ruleCount\n    }\n    enabledRulePacks(tenantId: $tenantId) {\n      id\n    }\n  }\n": typeof types.TenantPacksDocument,
    "\n  mutation EnableRulePack($tenantId: ID!, $packId: ID!) {\n    enableRulePack(tenantId: $tenantId, packId: $packId) {\n      id\n    }\n  }\n": typeof types.EnableRulePackDocument,
    "\n  mutation DisableRulePack($tenantId: ID!, $packId: ID!) {\n    disableRulePack(tenantId: $tenantId, packId: $packId) {\n      id\n    }\n  }\n": typeof types.DisableRulePackDocument,
    "\n  query Rules($filter: RuleFilter, $first: Int) {\n    rules(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        id\n        title\n        description\n        kind\n        status\n        tags\n        product\n        category\n        service\n        packId\n        packName\n        enabled\n        level\n        overridden\n        exceptionCount\n      }\n    }\n  }\n": typeof types.RulesDocument,
    "\n  mutation SetRuleOverride($tenantId: ID!, $ruleId: String!, $enabled: Boolean, $level: Severity) {\n    setRuleOverride(tenantId: $tenantId, ruleId: $ruleId, enabled: $enabled, level: $level) {\n      ruleId\n      enabled\n      level\n      updatedAt\n    }\n  }\n": typeof types.SetRuleOverrideDocument,
    "\n  query RuleExceptions($tenantId: ID!) {\n    ruleExceptions(tenantId: $tenantId) {\n      id\n      ruleId\n      filter\n      createdAt\n    }\n  }\n": typeof types.RuleExceptionsDocument,
    "\n  mutation AddRuleException($tenantId: ID!, $ruleId: String!, $filter: String!) {\n    addRuleException(tenantId: $tenantId, ruleId: $ruleId, filter: $filter) {\n      id\n      ruleId\n      filter\n      createdAt\n    }\n  }\n": typeof types.AddRuleExceptionDocument,
    "\n  mutation RemoveRuleException($id: ID!) {\n    removeRuleException(id: $id) {\n      id\n    }\n  }\n": typeof types.RemoveRuleExceptionDocument,
    "\n  query Placeholders($tenantId: ID!) {\n    placeholders(tenantId: $tenantId) {\n      name\n      values\n    }\n  }\n": typeof types.PlaceholdersDocument,
    "\n  mutation SetPlaceholder($tenantId: ID!, $name: String!, $values: [String!]!) {\n    setPlaceholder(tenantId: $tenantId, name: $name, values: $values) {\n      name\n      values\n    }\n  }\n": typeof types.SetPlaceholderDocument,
    "\n  query SlaPolicies($tenantId: ID!) {\n    slaPolicies(tenantId: $tenantId) {\n      severity\n      acknowledgeSeconds\n      respondSeconds\n      resolveSeconds\n      warnPercent\n      calendar\n      isDefault\n      updatedAt\n    }\n    businessCalendar(tenantId: $tenantId) {\n      timezone\n      weeklyHours {\n        weekday\n        start\n        end\n      }\n      holidays\n      isDefault\n    }\n  }\n": typeof types.SlaPoliciesDocument,
    "\n  mutation SetSlaPolicy($tenantId: ID!, $severity: Severity!, $input: SlaPolicyInput!) {\n    setSlaPolicy(tenantId: $tenantId, severity: $severity, input: $input) {\n      severity\n      acknowledgeSeconds\n      respondSeconds\n      resolveSeconds\n      warnPercent\n      calendar\n      isDefault\n      updatedAt\n    }\n  }\n": typeof types.SetSlaPolicyDocument,
    "\n  mutation SetBusinessCalendar($tenantId: ID!, $input: BusinessCalendarInput!) {\n    setBusinessCalendar(tenantId: $tenantId, input: $input) {\n      timezone\n      weeklyHours {\n        weekday\n        start\n        end\n      }\n      holidays\n      isDefault\n    }\n  }\n": typeof types.SetBusinessCalendarDocument,
    "\n  query SlaReport($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    slaReport(tenantId: $tenantId, from: $from, to: $to) {\n      mttd {\n        count\n        mean\n        median\n        p90\n      }\n      mtta {\n        count\n        mean\n        median\n        p90\n      }\n      mttrRespond {\n        count\n        mean\n        median\n        p90\n      }\n      mttrResolve {\n        count\n        mean\n        median\n        p90\n      }\n      attainment {\n        target\n        met\n        breached\n        open\n        percent\n      }\n      attainmentPercent\n      breachCount\n      breaches {\n        subjectKind\n        subjectId\n        target\n        severity\n        dueAt\n        completedAt\n      }\n    }\n  }\n": typeof types.SlaReportDocument,
    "\n  query VerifyAuditChain($tenantId: ID!) {\n    verifyAuditChain(tenantId: $tenantId) {\n      ok\n      records\n      unchained\n      brokenAtSeq\n      brokenRecordId\n      reason\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    timezone\n    createdAt\n    updatedAt\n  }\n": typeof types.TenantFieldsFragmentDoc,
    "\n  query Tenants($first: Int, $after: String) {\n    tenants(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TenantFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TenantsDocument,
    "\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": typeof types.TenantDocument,
    "\n  query AuditLog($tenantId: ID!, $first: Int, $after: String) {\n    auditLog(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          actorId\n          action\n          target\n          detail\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": typeof types.SuspendTenantDocument,
    "\n  mutation ActivateTenant($id: ID!) {\n    activateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": typeof types.ActivateTenantDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n": typeof types.UpdateTenantDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    tenantId\n    tenantIds\n    allTenants\n    disabled\n    lastLoginAt\n    createdAt\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users($tenantId: ID) {\n    users(tenantId: $tenantId) {\n      ...UserFields\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation AssignTenants($userId: ID!, $tenantIds: [ID!]!, $allTenants: Boolean) {\n    assignTenants(userId: $userId, tenantIds: $tenantIds, allTenants: $allTenants) {\n      ...UserFields\n    }\n  }\n": typeof types.AssignTenantsDocument,
    "\n  mutation ChangePassword($current: String!, $new: String!) {\n    changePassword(current: $current, new: $new)\n  }\n": typeof types.ChangePasswordDocument,
};
const documents: Documents = {
    "\n  fragment AlertFields on Alert {\n    id\n    tenant {\n      id\n      name\n      slug\n    }\n    ruleId\n    ruleTitle\n    severity\n    status\n    disposition\n    assigneeId\n    groupKey\n    group\n    eventCount\n    firstEventAt\n    lastEventAt\n    createdAt\n    sla {\n      target\n      status\n      dueAt\n      warnAt\n      paused\n    }\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  query Alerts($filter: AlertFilter, $first: Int, $after: String, $orderBy: AlertOrder) {\n    alerts(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AlertsDocument,
    "\n  query Alert($id: ID!) {\n    alert(id: $id) {\n      ...AlertFields\n      ruleDescription\n      closeComment\n      caseId\n      techniques\n      tactics\n      detectedAt\n      detectionDelaySeconds\n      acknowledgedAt\n      closedAt\n      sla {\n        target\n        status\n        calendar\n        dueAt\n        completedAt\n      }\n      events {\n        id\n        seq\n        timestamp\n        receivedAt\n        source\n        host\n        severity\n        product\n        category\n        service\n        fields\n        raw\n        rawTruncated\n      }\n    }\n  }\n": types.AlertDocument,
    "\n  subscription AlertEvents($filter: AlertFilter) {\n    alertEvents(filter: $filter) {\n      kind\n      alert {\n        ...AlertFields\n      }\n    }\n  }\n": types.AlertEventsDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      ...AlertFields\n      acknowledgedAt\n    }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(id: $id, userId: $userId) {\n      ...AlertFields\n    }\n  }\n": types.AssignAlertDocument,
    "\n  mutation CloseAlerts($ids: [ID!]!, $disposition: Disposition!, $comment: String) {\n    closeAlerts(ids: $ids, disposition: $disposition, comment: $comment) {\n      ...AlertFields\n      closeComment\n      closedAt\n    }\n  }\n": types.CloseAlertsDocument,
    "\n  query AlertRules($tenantIds: [ID!]) {\n    ruleTriageStats(tenantIds: $tenantIds) {\n      tenantId\n      ruleId\n      ruleTitle\n      alerts\n    }\n  }\n": types.AlertRulesDocument,
    "\n  query Viewer {\n    me {\n      id\n      email\n      displayName\n      role\n      tenantId\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment CaseRow on Case {\n    id\n    number\n    tenant {\n      id\n      name\n      slug\n    }\n    title\n    severity\n    status\n    assigneeId\n    source\n    updatedAt\n    sla {\n      target\n      status\n      dueAt\n      warnAt\n      paused\n    }\n  }\n": types.CaseRowFragmentDoc,
    "\n  query Cases($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CaseRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CasesDocument,
    "\n  query Case($id: ID!) {\n    case(id: $id) {\n      ...CaseRow\n      description\n      allowedTransitions\n      waitingReason\n      tags\n      tlp\n      pap\n      mergedInto\n      createdAt\n      resolvedAt\n      closedAt\n      sla {\n        target\n        status\n        calendar\n        dueAt\n        warnAt\n        paused\n        completedAt\n        remainingSeconds\n      }\n      comments {\n        id\n        body\n        visibility\n        createdAt\n        authorId\n      }\n      tasks {\n        id\n        title\n        status\n        assigneeId\n        dueAt\n      }\n      observables {\n        id\n        kind\n        value\n        ioc\n        note\n        sightings {\n          events\n          alerts\n        }\n      }\n      actions {\n        id\n        description\n        status\n        proposedAt\n        decidedAt\n        decisionComment\n      }\n      timeline {\n        id\n        at\n        kind\n        summary\n        visibility\n        actorId\n      }\n      attachments {\n        id\n        filename\n        contentType\n        size\n        visibility\n        createdAt\n        url\n      }\n      alerts {\n        id\n        ruleTitle\n        severity\n        status\n        createdAt\n      }\n    }\n  }\n": types.CaseDocument,
    "\n  mutation UpdateCaseStatus($id: ID!, $status: CaseStatus!, $reason: String) {\n    updateCaseStatus(id: $id, status: $status, reason: $reason) {\n      id\n      status\n      allowedTransitions\n      waitingReason\n    }\n  }\n": types.UpdateCaseStatusDocument,
    "\n  mutation AssignCase($id: ID!, $userId: ID) {\n    assignCase(id: $id, userId: $userId) {\n      id\n      assigneeId\n    }\n  }\n": types.AssignCaseDocument,
    "\n  mutation AddComment($caseId: ID!, $body: String!, $visibility: Visibility!) {\n    addComment(caseId: $caseId, body: $body, visibility: $visibility) {\n      id\n    }\n  }\n": types.AddCommentDocument,
    "\n  mutation AddTask($caseId: ID!, $title: String!) {\n    addTask(caseId: $caseId, title: $title) {\n      id\n    }\n  }\n": types.AddTaskDocument,
    "\n  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) {\n    updateTask(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n": types.UpdateTaskDocument,
    "\n  mutation AddObservable($caseId: ID!, $kind: ObservableKind!, $value: String!, $ioc: Boolean, $note: String) {\n    addObservable(caseId: $caseId, kind: $kind, value: $value, ioc: $ioc, note: $note) {\n      id\n    }\n  }\n": types.AddObservableDocument,
    "\n  mutation ProposeAction($caseId: ID!, $description: String!) {\n    proposeAction(caseId: $caseId, description: $description) {\n      id\n    }\n  }\n": types.ProposeActionDocument,
    "\n  mutation DecideAction($id: ID!, $approve: Boolean!, $comment: String) {\n    decideAction(id: $id, approve: $approve, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.DecideActionDocument,
    "\n  mutation AddTimelineEvent($caseId: ID!, $at: DateTime!, $summary: String!, $visibility: Visibility!) {\n    addTimelineEvent(caseId: $caseId, at: $at, summary: $summary, visibility: $visibility) {\n      id\n    }\n  }\n": types.AddTimelineEventDocument,
    "\n  mutation AddAttachment(\n    $caseId: ID!\n    $filename: String!\n    $contentType: String!\n    $contentBase64: String!\n    $visibility: Visibility!\n  ) {\n    addAttachment(\n      caseId: $caseId\n      filename: $filename\n      contentType: $contentType\n      contentBase64: $contentBase64\n      visibility: $visibility\n    ) {\n      id\n    }\n  }\n": types.AddAttachmentDocument,
    "\n  mutation EscalateAlerts($alertIds: [ID!]!, $caseId: ID, $title: String) {\n    escalateAlerts(alertIds: $alertIds, caseId: $caseId, title: $title) {\n      id\n    }\n  }\n": types.EscalateAlertsDocument,
    "\n  mutation ReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      id\n    }\n  }\n": types.ReportIncidentDocument,
    "\n  query OpenCases($tenantIds: [ID!]) {\n    cases(filter: { tenantIds: $tenantIds, openOnly: true }, first: 100) {\n      edges {\n        node {\n          id\n          number\n          title\n          severity\n        }\n      }\n    }\n  }\n": types.OpenCasesDocument,
    "\n  query Events($tenantId: ID!, $filter: EventFilter, $first: Int, $after: String) {\n    events(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          seq\n          timestamp\n          receivedAt\n          source\n          host\n          severity\n          product\n          category\n          service\n          fields\n          raw\n          rawTruncated\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.EventsDocument,
    "\n  fragment IngestTokenFields on IngestToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.IngestTokenFieldsFragmentDoc,
    "\n  query IngestTokens($tenantId: ID!) {\n    ingestTokens(tenantId: $tenantId) {\n      ...IngestTokenFields\n    }\n  }\n": types.IngestTokensDocument,
    "\n  mutation CreateIngestToken($tenantId: ID!, $name: String!) {\n    createIngestToken(tenantId: $tenantId, name: $name) {\n      token\n      ingestToken {\n        ...IngestTokenFields\n      }\n    }\n  }\n": types.CreateIngestTokenDocument,
    "\n  mutation RevokeIngestToken($id: ID!) {\n    revokeIngestToken(id: $id) {\n      ...IngestTokenFields\n    }\n  }\n": types.RevokeIngestTokenDocument,
    "\n  query SyslogSources($tenantId: ID!) {\n    syslogSources(tenantId: $tenantId) {\n      id\n      cidr\n      createdAt\n    }\n  }\n": types.SyslogSourcesDocument,
    "\n  mutation BindSyslogSource($tenantId: ID!, $cidr: String!) {\n    bindSyslogSource(tenantId: $tenantId, cidr: $cidr) {\n      id\n      cidr\n      createdAt\n    }\n  }\n": types.BindSyslogSourceDocument,
    "\n  mutation UnbindSyslogSource($id: ID!) {\n    unbindSyslogSource(id: $id) {\n      id\n    }\n  }\n": types.UnbindSyslogSourceDocument,
    "\n  query IngestLimits($tenantId: ID!) {\n    ingestLimits(tenantId: $tenantId) {\n      eventsPerSecond\n      bytesPerDay\n      retentionDays\n    }\n  }\n": types.IngestLimitsDocument,
    "\n  mutation SetIngestLimits($tenantId: ID!, $eventsPerSecond: Int, $bytesPerDay: Int, $retentionDays: Int) {\n    setIngestLimits(\n      tenantId: $tenantId\n      eventsPerSecond: $eventsPerSecond\n      bytesPerDay: $bytesPerDay\n      retentionDays: $retentionDays\n    ) {\n      eventsPerSecond\n      bytesPerDay\n      retentionDays\n    }\n  }\n": types.SetIngestLimitsDocument,
    "\n  query IngestHealth($tenantId: ID!, $dayFrom: DateTime!, $hourFrom: DateTime!, $to: DateTime!) {\n    day: ingestStats(tenantId: $tenantId, from: $dayFrom, to: $to) {\n      sources {\n        source\n        received\n        stored\n        rejected\n        deadLettered\n        bytes\n      }\n    }\n    lastHour: ingestStats(tenantId: $tenantId, from: $hourFrom, to: $to) {\n      sources {\n        source\n        received\n      }\n    }\n  }\n": types.IngestHealthDocument,
    "\n  query RulePacks {\n    rulePacks {\n      id\n      name\n      version\n      ruleCount\n      updatedAt\n      versions {\n        version\n        importedAt\n        ruleCount\n        added\n        removed\n        changed\n        rejected {\n          source\n          reason\n        }\n      }\n    }\n  }\n": types.RulePacksDocument,
    "\n  mutation ImportRulePack($name: String!, $rules: [String!]!) {\n    importRulePack(name: $name, rules: $rules) {\n      id\n      name\n      version\n      ruleCount\n      updatedAt\n      versions {\n        version\n        importedAt\n        ruleCount\n        added\n        removed\n        changed\n        rejected {\n          source\n          reason\n        }\n      }\n    }\n  }\n": types.ImportRulePackDocument,
    "\n  query TenantPacks($tenantId: ID!) {\n    rulePacks {\n      id\n      name\n      version\n      ruleCount\n    }\n    enabledRulePacks(tenantId: $tenantId) {\n      id\n    }\n  }\n": types.TenantPacksDocument,
    "\n  mutation EnableRulePack($tenantId: ID!, $packId: ID!) {\n    enableRulePack(tenantId: $tenantId, packId: $packId) {\n      id\n    }\n  }\n": types.EnableRulePackDocument,
    "\n  mutation DisableRulePack($tenantId: ID!, $packId: ID!) {\n    disableRulePack(tenantId: $tenantId, packId: $packId) {\n      id\n    }\n  }\n": types.DisableRulePackDocument,
    "\n  query Rules($filter: RuleFilter, $first: Int) {\n    rules(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        id\n        title\n        description\n        kind\n        status\n        tags\n        product\n        category\n        service\n        packId\n        packName\n        enabled\n        level\n        overridden\n        exceptionCount\n      }\n    }\n  }\n": types.RulesDocument,
    "\n  mutation SetRuleOverride($tenantId: ID!, $ruleId: String!, $enabled: Boolean, $level: Severity) {\n    setRuleOverride(tenantId: $tenantId, ruleId: $ruleId, enabled: $enabled, level: $level) {\n      ruleId\n      enabled\n      level\n      updatedAt\n    }\n  }\n": types.SetRuleOverrideDocument,
    "\n  query RuleExceptions($tenantId: ID!) {\n    ruleExceptions(tenantId: $tenantId) {\n      id\n      ruleId\n      filter\n      createdAt\n    }\n  }\n": types.RuleExceptionsDocument,
    "\n  mutation AddRuleException($tenantId: ID!, $ruleId: String!, $filter: String!) {\n    addRuleException(tenantId: $tenantId, ruleId: $ruleId, filter: $filter) {\n      id\n      ruleId\n      filter\n      createdAt\n    }\n  }\n": types.AddRuleExceptionDocument,
    "\n  mutation RemoveRuleException($id: ID!) {\n    removeRuleException(id: $id) {\n      id\n    }\n  }\n": types.RemoveRuleExceptionDocument,
    "\n  query Placeholders($tenantId: ID!) {\n    placeholders(tenantId: $tenantId) {\n      name\n      values\n    }\n  }\n": types.PlaceholdersDocument,
    "\n  mutation SetPlaceholder($tenantId: ID!, $name: String!, $values: [String!]!) {\n    setPlaceholder(tenantId: $tenantId, name: $name, values: $values) {\n      name\n      values\n    }\n  }\n": types.SetPlaceholderDocument,
    "\n  query SlaPolicies($tenantId: ID!) {\n    slaPolicies(tenantId: $tenantId) {\n      severity\n      acknowledgeSeconds\n      respondSeconds\n      resolveSeconds\n      warnPercent\n      calendar\n      isDefault\n      updatedAt\n    }\n    businessCalendar(tenantId: $tenantId) {\n      timezone\n      weeklyHours {\n        weekday\n        start\n        end\n      }\n      holidays\n      isDefault\n    }\n  }\n": types.SlaPoliciesDocument,
    "\n  mutation SetSlaPolicy($tenantId: ID!, $severity: Severity!, $input: SlaPolicyInput!) {\n    setSlaPolicy(tenantId: $tenantId, severity: $severity, input: $input) {\n      severity\n      acknowledgeSeconds\n      respondSeconds\n      resolveSeconds\n      warnPercent\n      calendar\n      isDefault\n      updatedAt\n    }\n  }\n": types.SetSlaPolicyDocument,
    "\n  mutation SetBusinessCalendar($tenantId: ID!, $input: BusinessCalendarInput!) {\n    setBusinessCalendar(tenantId: $tenantId, input: $input) {\n      timezone\n      weeklyHours {\n        weekday\n        start\n        end\n      }\n      holidays\n      isDefault\n    }\n  }\n": types.SetBusinessCalendarDocument,
    "\n  query SlaReport($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    slaReport(tenantId: $tenantId, from: $from, to: $to) {\n      mttd {\n        count\n        mean\n        median\n        p90\n      }\n      mtta {\n        count\n        mean\n        median\n        p90\n      }\n      mttrRespond {\n        count\n        mean\n        median\n        p90\n      }\n      mttrResolve {\n        count\n        mean\n        median\n        p90\n      }\n      attainment {\n        target\n        met\n        breached\n        open\n        percent\n      }\n      attainmentPercent\n      breachCount\n      breaches {\n        subjectKind\n        subjectId\n        target\n        severity\n        dueAt\n        completedAt\n      }\n    }\n  }\n": types.SlaReportDocument,
    "\n  query VerifyAuditChain($tenantId: ID!) {\n    verifyAuditChain(tenantId: $tenantId) {\n      ok\n      records\n      unchained\n      brokenAtSeq\n      brokenRecordId\n      reason\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    timezone\n    createdAt\n    updatedAt\n  }\n": types.TenantFieldsFragmentDoc,
    "\n  query Tenants($first: Int, $after: String) {\n    tenants(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TenantFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TenantsDocument,
    "\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": types.TenantDocument,
    "\n  query AuditLog($tenantId: ID!, $first: Int, $after: String) {\n    auditLog(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          actorId\n          action\n          target\n          detail\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n": types.CreateTenantDocument,
    "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": types.SuspendTenantDocument,
    "\n  mutation ActivateTenant($id: ID!) {\n    activateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": types.ActivateTenantDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n": types.UpdateTenantDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    tenantId\n    tenantIds\n    allTenants\n    disabled\n    lastLoginAt\n    createdAt\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query Users($tenantId: ID) {\n    users(tenantId: $tenantId) {\n      ...UserFields\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation AssignTenants($userId: ID!, $tenantIds: [ID!]!, $allTenants: Boolean) {\n    assignTenants(userId: $userId, tenantIds: $tenantIds, allTenants: $allTenants) {\n      ...UserFields\n    }\n  }\n": types.AssignTenantsDocument,
    "\n  mutation ChangePassword($current: String!, $new: String!) {\n    changePassword(current: $current, new: $new)\n  }\n": types.ChangePasswordDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id\n    tenant {\n      id\n      name\n      slug\n    }\n    ruleId\n    ruleTitle\n    severity\n    status\n    disposition\n    assigneeId\n    groupKey\n    group\n    eventCount\n    firstEventAt\n    lastEventAt\n    createdAt\n    sla {\n      target\n      status\n      dueAt\n      warnAt\n      paused\n    }\n  }\n"): (typeof documents)["\n  fragment AlertFields on Alert {\n    id\n    tenant {\n      id\n      name\n      slug\n    }\n    ruleId\n    ruleTitle\n    severity\n    status\n    disposition\n    assigneeId\n    groupKey\n    group\n    eventCount\n    firstEventAt\n    lastEventAt\n    createdAt\n    sla {\n      target\n      status\n      dueAt\n      warnAt\n      paused\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($filter: AlertFilter, $first: Int, $after: String, $orderBy: AlertOrder) {\n    alerts(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Alerts($filter: AlertFilter, $first: Int, $after: String, $orderBy: AlertOrder) {\n    alerts(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alert($id: ID!) {\n    alert(id: $id) {\n      ...AlertFields\n      ruleDescription\n      closeComment\n      caseId\n      techniques\n      tactics\n      detectedAt\n      detectionDelaySeconds\n      acknowledgedAt\n      closedAt\n      sla {\n        target\n        status\n        calendar\n        dueAt\n        completedAt\n      }\n      events {\n        id\n        seq\n        timestamp\n        receivedAt\n        source\n        host\n        severity\n        product\n        category\n        service\n        fields\n        raw\n        rawTruncated\n      }\n    }\n  }\n"): (typeof documents)["\n  query Alert($id: ID!) {\n    alert(id: $id) {\n      ...AlertFields\n      ruleDescription\n      closeComment\n      caseId\n      techniques\n      tactics\n      detectedAt\n      detectionDelaySeconds\n      acknowledgedAt\n      closedAt\n      sla {\n        target\n        status\n        calendar\n        dueAt\n        completedAt\n      }\n      events {\n        id\n        seq\n        timestamp\n        receivedAt\n        source\n        host\n        severity\n        product\n        category\n        service\n        fields\n        raw\n        rawTruncated\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertEvents($filter: AlertFilter) {\n    alertEvents(filter: $filter) {\n      kind\n      alert {\n        ...AlertFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AlertEvents($filter: AlertFilter) {\n    alertEvents(filter: $filter) {\n      kind\n      alert {\n        ...AlertFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      ...AlertFields\n      acknowledgedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      ...AlertFields\n      acknowledgedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(id: $id, userId: $userId) {\n      ...AlertFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(id: $id, userId: $userId) {\n      ...AlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseAlerts($ids: [ID!]!, $disposition: Disposition!, $comment: String) {\n    closeAlerts(ids: $ids, disposition: $disposition, comment: $comment) {\n      ...AlertFields\n      closeComment\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CloseAlerts($ids: [ID!]!, $disposition: Disposition!, $comment: String) {\n    closeAlerts(ids: $ids, disposition: $disposition, comment: $comment) {\n      ...AlertFields\n      closeComment\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertRules($tenantIds: [ID!]) {\n    ruleTriageStats(tenantIds: $tenantIds) {\n      tenantId\n      ruleId\n      ruleTitle\n      alerts\n    }\n  }\n"): (typeof documents)["\n  query AlertRules($tenantIds: [ID!]) {\n    ruleTriageStats(tenantIds: $tenantIds) {\n      tenantId\n      ruleId\n      ruleTitle\n      alerts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      email\n      displayName\n      role\n      tenantId\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      email\n      displayName\n      role\n      tenantId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseRow on Case {\n    id\n    number\n    tenant {\n      id\n      name\n      slug\n    }\n    title\n    severity\n    status\n    assigneeId\n    source\n    updatedAt\n    sla {\n      target\n      status\n      dueAt\n      warnAt\n      paused\n    }\n  }\n"): (typeof documents)["\n  fragment CaseRow on Case {\n    id\n    number\n    tenant {\n      id\n      name\n      slug\n    }\n    title\n    severity\n    status\n    assigneeId\n    source\n    updatedAt\n    sla {\n      target\n      status\n      dueAt\n      warnAt\n      paused\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cases($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CaseRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Cases($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CaseRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Case($id: ID!) {\n    case(id: $id) {\n      ...CaseRow\n      description\n      allowedTransitions\n      waitingReason\n      tags\n      tlp\n      pap\n      mergedInto\n      createdAt\n      resolvedAt\n      closedAt\n      sla {\n        target\n        status\n        calendar\n        dueAt\n        warnAt\n        paused\n        completedAt\n        remainingSeconds\n      }\n      comments {\n        id\n        body\n        visibility\n        createdAt\n        authorId\n      }\n      tasks {\n        id\n        title\n        status\n        assigneeId\n        dueAt\n      }\n      observables {\n        id\n        kind\n        value\n        ioc\n        note\n        sightings {\n          events\n          alerts\n        }\n      }\n      actions {\n        id\n        description\n        status\n        proposedAt\n        decidedAt\n        decisionComment\n      }\n      timeline {\n        id\n        at\n        kind\n        summary\n        visibility\n        actorId\n      }\n      attachments {\n        id\n        filename\n        contentType\n        size\n        visibility\n        createdAt\n        url\n      }\n      alerts {\n        id\n        ruleTitle\n        severity\n        status\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Case($id: ID!) {\n    case(id: $id) {\n      ...CaseRow\n      description\n      allowedTransitions\n      waitingReason\n      tags\n      tlp\n      pap\n      mergedInto\n      createdAt\n      resolvedAt\n      closedAt\n      sla {\n        target\n        status\n        calendar\n        dueAt\n        warnAt\n        paused\n        completedAt\n        remainingSeconds\n      }\n      comments {\n        id\n        body\n        visibility\n        createdAt\n        authorId\n      }\n      tasks {\n        id\n        title\n        status\n        assigneeId\n        dueAt\n      }\n      observables {\n        id\n        kind\n        value\n        ioc\n        note\n        sightings {\n          events\n          alerts\n        }\n      }\n      actions {\n        id\n        description\n        status\n        proposedAt\n        decidedAt\n        decisionComment\n      }\n      timeline {\n        id\n        at\n        kind\n        summary\n        visibility\n        actorId\n      }\n      attachments {\n        id\n        filename\n        contentType\n        size\n        visibility\n        createdAt\n        url\n      }\n      alerts {\n        id\n        ruleTitle\n        severity\n        status\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCaseStatus($id: ID!, $status: CaseStatus!, $reason: String) {\n    updateCaseStatus(id: $id, status: $status, reason: $reason) {\n      id\n      status\n      allowedTransitions\n      waitingReason\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCaseStatus($id: ID!, $status: CaseStatus!, $reason: String) {\n    updateCaseStatus(id: $id, status: $status, reason: $reason) {\n      id\n      status\n      allowedTransitions\n      waitingReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCase($id: ID!, $userId: ID) {\n    assignCase(id: $id, userId: $userId) {\n      id\n      assigneeId\n    }\n  }\n"): (typeof documents)["\n  mutation AssignCase($id: ID!, $userId: ID) {\n    assignCase(id: $id, userId: $userId) {\n      id\n      assigneeId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($caseId: ID!, $body: String!, $visibility: Visibility!) {\n    addComment(caseId: $caseId, body: $body, visibility: $visibility) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddComment($caseId: ID!, $body: String!, $visibility: Visibility!) {\n    addComment(caseId: $caseId, body: $body, visibility: $visibility) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTask($caseId: ID!, $title: String!) {\n    addTask(caseId: $caseId, title: $title) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddTask($caseId: ID!, $title: String!) {\n    addTask(caseId: $caseId, title: $title) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) {\n    updateTask(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) {\n    updateTask(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddObservable($caseId: ID!, $kind: ObservableKind!, $value: String!, $ioc: Boolean, $note: String) {\n    addObservable(caseId: $caseId, kind: $kind, value: $value, ioc: $ioc, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddObservable($caseId: ID!, $kind: ObservableKind!, $value: String!, $ioc: Boolean, $note: String) {\n    addObservable(caseId: $caseId, kind: $kind, value: $value, ioc: $ioc, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeAction($caseId: ID!, $description: String!) {\n    proposeAction(caseId: $caseId, description: $description) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ProposeAction($caseId: ID!, $description: String!) {\n    proposeAction(caseId: $caseId, description: $description) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideAction($id: ID!, $approve: Boolean!, $comment: String) {\n    decideAction(id: $id, approve: $approve, comment: $comment) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DecideAction($id: ID!, $approve: Boolean!, $comment: String) {\n    decideAction(id: $id, approve: $approve, comment: $comment) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTimelineEvent($caseId: ID!, $at: DateTime!, $summary: String!, $visibility: Visibility!) {\n    addTimelineEvent(caseId: $caseId, at: $at, summary: $summary, visibility: $visibility) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddTimelineEvent($caseId: ID!, $at: DateTime!, $summary: String!, $visibility: Visibility!) {\n    addTimelineEvent(caseId: $caseId, at: $at, summary: $summary, visibility: $visibility) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAttachment(\n    $caseId: ID!\n    $filename: String!\n    $contentType: String!\n    $contentBase64: String!\n    $visibility: Visibility!\n  ) {\n    addAttachment(\n      caseId: $caseId\n      filename: $filename\n      contentType: $contentType\n      contentBase64: $contentBase64\n      visibility: $visibility\n    ) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddAttachment(\n    $caseId: ID!\n    $filename: String!\n    $contentType: String!\n    $contentBase64: String!\n    $visibility: Visibility!\n  ) {\n    addAttachment(\n      caseId: $caseId\n      filename: $filename\n      contentType: $contentType\n      contentBase64: $contentBase64\n      visibility: $visibility\n    ) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EscalateAlerts($alertIds: [ID!]!, $caseId: ID, $title: String) {\n    escalateAlerts(alertIds: $alertIds, caseId: $caseId, title: $title) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EscalateAlerts($alertIds: [ID!]!, $caseId: ID, $title: String) {\n    escalateAlerts(alertIds: $alertIds, caseId: $caseId, title: $title) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenCases($tenantIds: [ID!]) {\n    cases(filter: { tenantIds: $tenantIds, openOnly: true }, first: 100) {\n      edges {\n        node {\n          id\n          number\n          title\n          severity\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenCases($tenantIds: [ID!]) {\n    cases(filter: { tenantIds: $tenantIds, openOnly: true }, first: 100) {\n      edges {\n        node {\n          id\n          number\n          title\n          severity\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events($tenantId: ID!, $filter: EventFilter, $first: Int, $after: String) {\n    events(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          seq\n          timestamp\n          receivedAt\n          source\n          host\n          severity\n          product\n          category\n          service\n          fields\n          raw\n          rawTruncated\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Events($tenantId: ID!, $filter: EventFilter, $first: Int, $after: String) {\n    events(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          seq\n          timestamp\n          receivedAt\n          source\n          host\n          severity\n          product\n          category\n          service\n          fields\n          raw\n          rawTruncated\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IngestTokenFields on IngestToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment IngestTokenFields on IngestToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IngestTokens($tenantId: ID!) {\n    ingestTokens(tenantId: $tenantId) {\n      ...IngestTokenFields\n    }\n  }\n"): (typeof documents)["\n  query IngestTokens($tenantId: ID!) {\n    ingestTokens(tenantId: $tenantId) {\n      ...IngestTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIngestToken($tenantId: ID!, $name: String!) {\n    createIngestToken(tenantId: $tenantId, name: $name) {\n      token\n      ingestToken {\n        ...IngestTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIngestToken($tenantId: ID!, $name: String!) {\n    createIngestToken(tenantId: $tenantId, name: $name) {\n      token\n      ingestToken {\n        ...IngestTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeIngestToken($id: ID!) {\n    revokeIngestToken(id: $id) {\n      ...IngestTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeIngestToken($id: ID!) {\n    revokeIngestToken(id: $id) {\n      ...IngestTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyslogSources($tenantId: ID!) {\n    syslogSources(tenantId: $tenantId) {\n      id\n      cidr\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query SyslogSources($tenantId: ID!) {\n    syslogSources(tenantId: $tenantId) {\n      id\n      cidr\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BindSyslogSource($tenantId: ID!, $cidr: String!) {\n    bindSyslogSource(tenantId: $tenantId, cidr: $cidr) {\n      id\n      cidr\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation BindSyslogSource($tenantId: ID!, $cidr: String!) {\n    bindSyslogSource(tenantId: $tenantId, cidr: $cidr) {\n      id\n      cidr\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnbindSyslogSource($id: ID!) {\n    unbindSyslogSource(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UnbindSyslogSource($id: ID!) {\n    unbindSyslogSource(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IngestLimits($tenantId: ID!) {\n    ingestLimits(tenantId: $tenantId) {\n      eventsPerSecond\n      bytesPerDay\n      retentionDays\n    }\n  }\n"): (typeof documents)["\n  query IngestLimits($tenantId: ID!) {\n    ingestLimits(tenantId: $tenantId) {\n      eventsPerSecond\n      bytesPerDay\n      retentionDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetIngestLimits($tenantId: ID!, $eventsPerSecond: Int, $bytesPerDay: Int, $retentionDays: Int) {\n    setIngestLimits(\n      tenantId: $tenantId\n      eventsPerSecond: $eventsPerSecond\n      bytesPerDay: $bytesPerDay\n      retentionDays: $retentionDays\n    ) {\n      eventsPerSecond\n      bytesPerDay\n      retentionDays\n    }\n  }\n"): (typeof documents)["\n  mutation SetIngestLimits($tenantId: ID!, $eventsPerSecond: Int, $bytesPerDay: Int, $retentionDays: Int) {\n    setIngestLimits(\n      tenantId: $tenantId\n      eventsPerSecond: $eventsPerSecond\n      bytesPerDay: $bytesPerDay\n      retentionDays: $retentionDays\n    ) {\n      eventsPerSecond\n      bytesPerDay\n      retentionDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IngestHealth($tenantId: ID!, $dayFrom: DateTime!, $hourFrom: DateTime!, $to: DateTime!) {\n    day: ingestStats(tenantId: $tenantId, from: $dayFrom, to: $to) {\n      sources {\n        source\n        received\n        stored\n        rejected\n        deadLettered\n        bytes\n      }\n    }\n    lastHour: ingestStats(tenantId: $tenantId, from: $hourFrom, to: $to) {\n      sources {\n        source\n        received\n      }\n    }\n  }\n"): (typeof documents)["\n  query IngestHealth($tenantId: ID!, $dayFrom: DateTime!, $hourFrom: DateTime!, $to: DateTime!) {\n    day: ingestStats(tenantId: $tenantId, from: $dayFrom, to: $to) {\n      sources {\n        source\n        received\n        stored\n        rejected\n        deadLettered\n        bytes\n      }\n    }\n    lastHour: ingestStats(tenantId: $tenantId, from: $hourFrom, to: $to) {\n      sources {\n        source\n        received\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulePacks {\n    rulePacks {\n      id\n      name\n      version\n      ruleCount\n      updatedAt\n      versions {\n        version\n        importedAt\n        ruleCount\n        added\n        removed\n        changed\n        rejected {\n          source\n          reason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RulePacks {\n    rulePacks {\n      id\n      name\n      version\n      ruleCount\n      updatedAt\n      versions {\n        version\n        importedAt\n        ruleCount\n        added\n        removed\n        changed\n        rejected {\n          source\n          reason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportRulePack($name: String!, $rules: [String!]!) {\n    importRulePack(name: $name, rules: $rules) {\n      id\n      name\n      version\n      ruleCount\n      updatedAt\n      versions {\n        version\n        importedAt\n        ruleCount\n        added\n        removed\n        changed\n        rejected {\n          source\n          reason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportRulePack($name: String!, $rules: [String!]!) {\n    importRulePack(name: $name, rules: $rules) {\n      id\n      name\n      version\n      ruleCount\n      updatedAt\n      versions {\n        version\n        importedAt\n        ruleCount\n        added\n        removed\n        changed\n        rejected {\n          source\n          reason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantPacks($tenantId: ID!) {\n    rulePacks {\n      id\n      name\n      version\n      ruleCount\n    }\n    enabledRulePacks(tenantId: $tenantId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query TenantPacks($tenantId: ID!) {\n    rulePacks {\n      id\n      name\n      version\n      ruleCount\n    }\n    enabledRulePacks(tenantId: $tenantId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableRulePack($tenantId: ID!, $packId: ID!) {\n    enableRulePack(tenantId: $tenantId, packId: $packId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EnableRulePack($tenantId: ID!, $packId: ID!) {\n    enableRulePack(tenantId: $tenantId, packId: $packId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableRulePack($tenantId: ID!, $packId: ID!) {\n    disableRulePack(tenantId: $tenantId, packId: $packId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DisableRulePack($tenantId: ID!, $packId: ID!) {\n    disableRulePack(tenantId: $tenantId, packId: $packId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Rules($filter: RuleFilter, $first: Int) {\n    rules(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        id\n        title\n        description\n        kind\n        status\n        tags\n        product\n        category\n        service\n        packId\n        packName\n        enabled\n        level\n        overridden\n        exceptionCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query Rules($filter: RuleFilter, $first: Int) {\n    rules(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        id\n        title\n        description\n        kind\n        status\n        tags\n        product\n        category\n        service\n        packId\n        packName\n        enabled\n        level\n        overridden\n        exceptionCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRuleOverride($tenantId: ID!, $ruleId: String!, $enabled: Boolean, $level: Severity) {\n    setRuleOverride(tenantId: $tenantId, ruleId: $ruleId, enabled: $enabled, level: $level) {\n      ruleId\n      enabled\n      level\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetRuleOverride($tenantId: ID!, $ruleId: String!, $enabled: Boolean, $level: Severity) {\n    setRuleOverride(tenantId: $tenantId, ruleId: $ruleId, enabled: $enabled, level: $level) {\n      ruleId\n      enabled\n      level\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RuleExceptions($tenantId: ID!) {\n    ruleExceptions(tenantId: $tenantId) {\n      id\n      ruleId\n      filter\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query RuleExceptions($tenantId: ID!) {\n    ruleExceptions(tenantId: $tenantId) {\n      id\n      ruleId\n      filter\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRuleException($tenantId: ID!, $ruleId: String!, $filter: String!) {\n    addRuleException(tenantId: $tenantId, ruleId: $ruleId, filter: $filter) {\n      id\n      ruleId\n      filter\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AddRuleException($tenantId: ID!, $ruleId: String!, $filter: String!) {\n    addRuleException(tenantId: $tenantId, ruleId: $ruleId, filter: $filter) {\n      id\n      ruleId\n      filter\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveRuleException($id: ID!) {\n    removeRuleException(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveRuleException($id: ID!) {\n    removeRuleException(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Placeholders($tenantId: ID!) {\n    placeholders(tenantId: $tenantId) {\n      name\n      values\n    }\n  }\n"): (typeof documents)["\n  query Placeholders($tenantId: ID!) {\n    placeholders(tenantId: $tenantId) {\n      name\n      values\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPlaceholder($tenantId: ID!, $name: String!, $values: [String!]!) {\n    setPlaceholder(tenantId: $tenantId, name: $name, values: $values) {\n      name\n      values\n    }\n  }\n"): (typeof documents)["\n  mutation SetPlaceholder($tenantId: ID!, $name: String!, $values: [String!]!) {\n    setPlaceholder(tenantId: $tenantId, name: $name, values: $values) {\n      name\n      values\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaPolicies($tenantId: ID!) {\n    slaPolicies(tenantId: $tenantId) {\n      severity\n      acknowledgeSeconds\n      respondSeconds\n      resolveSeconds\n      warnPercent\n      calendar\n      isDefault\n      updatedAt\n    }\n    businessCalendar(tenantId: $tenantId) {\n      timezone\n      weeklyHours {\n        weekday\n        start\n        end\n      }\n      holidays\n      isDefault\n    }\n  }\n"): (typeof documents)["\n  query SlaPolicies($tenantId: ID!) {\n    slaPolicies(tenantId: $tenantId) {\n      severity\n      acknowledgeSeconds\n      respondSeconds\n      resolveSeconds\n      warnPercent\n      calendar\n      isDefault\n      updatedAt\n    }\n    businessCalendar(tenantId: $tenantId) {\n      timezone\n      weeklyHours {\n        weekday\n        start\n        end\n      }\n      holidays\n      isDefault\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSlaPolicy($tenantId: ID!, $severity: Severity!, $input: SlaPolicyInput!) {\n    setSlaPolicy(tenantId: $tenantId, severity: $severity, input: $input) {\n      severity\n      acknowledgeSeconds\n      respondSeconds\n      resolveSeconds\n      warnPercent\n      calendar\n      isDefault\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetSlaPolicy($tenantId: ID!, $severity: Severity!, $input: SlaPolicyInput!) {\n    setSlaPolicy(tenantId: $tenantId, severity: $severity, input: $input) {\n      severity\n      acknowledgeSeconds\n      respondSeconds\n      resolveSeconds\n      warnPercent\n      calendar\n      isDefault\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBusinessCalendar($tenantId: ID!, $input: BusinessCalendarInput!) {\n    setBusinessCalendar(tenantId: $tenantId, input: $input) {\n      timezone\n      weeklyHours {\n        weekday\n        start\n        end\n      }\n      holidays\n      isDefault\n    }\n  }\n"): (typeof documents)["\n  mutation SetBusinessCalendar($tenantId: ID!, $input: BusinessCalendarInput!) {\n    setBusinessCalendar(tenantId: $tenantId, input: $input) {\n      timezone\n      weeklyHours {\n        weekday\n        start\n        end\n      }\n      holidays\n      isDefault\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaReport($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    slaReport(tenantId: $tenantId, from: $from, to: $to) {\n      mttd {\n        count\n        mean\n        median\n        p90\n      }\n      mtta {\n        count\n        mean\n        median\n        p90\n      }\n      mttrRespond {\n        count\n        mean\n        median\n        p90\n      }\n      mttrResolve {\n        count\n        mean\n        median\n        p90\n      }\n      attainment {\n        target\n        met\n        breached\n        open\n        percent\n      }\n      attainmentPercent\n      breachCount\n      breaches {\n        subjectKind\n        subjectId\n        target\n        severity\n        dueAt\n        completedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query SlaReport($tenantId: ID!, $from: DateTime!, $to: DateTime!) {\n    slaReport(tenantId: $tenantId, from: $from, to: $to) {\n      mttd {\n        count\n        mean\n        median\n        p90\n      }\n      mtta {\n        count\n        mean\n        median\n        p90\n      }\n      mttrRespond {\n        count\n        mean\n        median\n        p90\n      }\n      mttrResolve {\n        count\n        mean\n        median\n        p90\n      }\n      attainment {\n        target\n        met\n        breached\n        open\n        percent\n      }\n      attainmentPercent\n      breachCount\n      breaches {\n        subjectKind\n        subjectId\n        target\n        severity\n        dueAt\n        completedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain($tenantId: ID!) {\n    verifyAuditChain(tenantId: $tenantId) {\n      ok\n      records\n      unchained\n      brokenAtSeq\n      brokenRecordId\n      reason\n    }\n  }\n"): (typeof documents)["\n  query VerifyAuditChain($tenantId: ID!) {\n    verifyAuditChain(tenantId: $tenantId) {\n      ok\n      records\n      unchained\n      brokenAtSeq\n      brokenRecordId\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    timezone\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    timezone\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenants($first: Int, $after: String) {\n    tenants(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TenantFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tenants($first: Int, $after: String) {\n    tenants(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TenantFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($tenantId: ID!, $first: Int, $after: String) {\n    auditLog(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          actorId\n          action\n          target\n          detail\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($tenantId: ID!, $first: Int, $after: String) {\n    auditLog(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          actorId\n          action\n          target\n          detail\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateTenant($id: ID!) {\n    activateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateTenant($id: ID!) {\n    activateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    tenantId\n    tenantIds\n    allTenants\n    disabled\n    lastLoginAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    tenantId\n    tenantIds\n    allTenants\n    disabled\n    lastLoginAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($tenantId: ID) {\n    users(tenantId: $tenantId) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query Users($tenantId: ID) {\n    users(tenantId: $tenantId) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTenants($userId: ID!, $tenantIds: [ID!]!, $allTenants: Boolean) {\n    assignTenants(userId: $userId, tenantIds: $tenantIds, allTenants: $allTenants) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignTenants($userId: ID!, $tenantIds: [ID!]!, $allTenants: Boolean) {\n    assignTenants(userId: $userId, tenantIds: $tenantIds, allTenants: $allTenants) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($current: String!, $new: String!) {\n    changePassword(current: $current, new: $new)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($current: String!, $new: String!) {\n    changePassword(current: $current, new: $new)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
// Case operations: the list, one case with everything the caller may see (who wrote or did
// what, by name), and the workflow, comment, task, observable, action, timeline and attachment
// mutations; editing a case's headline; escalation from alerts; merging other cases of the
// tenant into one.
import { graphql } from '../gql';

export const CaseRowFragment = graphql(`
  fragment CaseRow on Case {
    id
    number
    tenant {
      id
      name
      slug
    }
    title
    severity
    status
    assigneeId
    source
    updatedAt
    sla {
      target
      status
      dueAt
      warnAt
      paused
    }
  }
`);

export const CasesQuery = graphql(`
  query Cases($filter: CaseFilter, $first: Int, $after: String, $orderBy: CaseOrder) {
    cases(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          ...CaseRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CaseQuery = graphql(`
  query Case($id: ID!) {
    case(id: $id) {
      ...CaseRow
      description
      allowedTransitions
      waitingReason
      tags
      tlp
      pap
      mergedInto
      createdAt
      resolvedAt
      closedAt
      sla {
        target
        status
        calendar
        dueAt
        warnAt
        paused
        completedAt
        remainingSeconds
      }
      comments {
        id
        body
        visibility
        createdAt
        authorId
        authorName
      }
      tasks {
        id
        title
        status
        assigneeId
        dueAt
      }
      observables {
        id
        kind
        value
        ioc
        note
        sightings {
          events
          alerts
        }
      }
      actions {
        id
        description
        status
        proposedBy
        proposedByName
        proposedAt
        decidedBy
        decidedByName
        decidedAt
        decisionComment
      }
      timeline {
        id
        at
        kind
        summary
        visibility
        actorId
        actorName
      }
      attachments {
        id
        filename
        contentType
        size
        visibility
        createdAt
        url
      }
      alerts {
        id
        ruleTitle
        severity
        status
        createdAt
      }
    }
  }
`);

export const UpdateCaseStatusMutation = graphql(`
  mutation UpdateCaseStatus($id: ID!, $status: CaseStatus!, $reason: String) {
    updateCaseStatus(id: $id, status: $status, reason: $reason) {
      id
      status
      allowedTransitions
      waitingReason
    }
  }
`);

export const UpdateCaseMutation = graphql(`
  mutation UpdateCase($id: ID!, $input: UpdateCaseInput!) {
    updateCase(id: $id, input: $input) {
      id
      title
      description
      severity
      tags
      tlp
      pap
      updatedAt
    }
  }
`);

export const AssignCaseMutation = graphql(`
  mutation AssignCase($id: ID!, $userId: ID) {
    assignCase(id: $id, userId: $userId) {
      id
      assigneeId
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation AddComment($caseId: ID!, $body: String!, $visibility: Visibility!) {
    addComment(caseId: $caseId, body: $body, visibility: $visibility) {
      id
    }
  }
`);

export const AddTaskMutation = graphql(`
  mutation AddTask($caseId: ID!, $title: String!) {
    addTask(caseId: $caseId, title: $title) {
      id
    }
  }
`);

export const UpdateTaskMutation = graphql(`
  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) {
    updateTask(id: $id, input: $input) {
      id
      status
    }
  }
`);

export const AddObservableMutation = graphql(`
  mutation AddObservable($caseId: ID!, $kind: ObservableKind!, $value: String!, $ioc: Boolean, $note: String) {
    addObservable(caseId: $caseId, kind: $kind, value: $value, ioc: $ioc, note: $note) {
      id
    }
  }
`);

export const ProposeActionMutation = graphql(`
  mutation ProposeAction($caseId: ID!, $description: String!) {
    proposeAction(caseId: $caseId, description: $description) {
      id
    }
  }
`);

export const DecideActionMutation = graphql(`
  mutation DecideAction($id: ID!, $approve: Boolean!, $comment: String) {
    decideAction(id: $id, approve: $approve, comment: $comment) {
      id
      status
    }
  }
`);

export const AddTimelineEventMutation = graphql(`
  mutation AddTimelineEvent($caseId: ID!, $at: DateTime!, $summary: String!, $visibility: Visibility!) {
    addTimelineEvent(caseId: $caseId, at: $at, summary: $summary, visibility: $visibility) {
      id
    }
  }
`);

export const AddAttachmentMutation = graphql(`
  mutation AddAttachment(
    $caseId: ID!
    $filename: String!
    $contentType: String!
    $contentBase64: String!
    $visibility: Visibility!
  ) {
    addAttachment(
      caseId: $caseId
      filename: $filename
      contentType: $contentType
      contentBase64: $contentBase64
      visibility: $visibility
    ) {
      id
    }
  }
`);

export const EscalateAlertsMutation = graphql(`
  mutation EscalateAlerts($alertIds: [ID!]!, $caseId: ID, $title: String) {
    escalateAlerts(alertIds: $alertIds, caseId: $caseId, title: $title) {
      id
    }
  }
`);

export const ReportIncidentMutation = graphql(`
  mutation ReportIncident($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
    }
  }
`);

export const OpenCasesQuery = graphql(`
  query OpenCases($tenantIds: [ID!]) {
    cases(filter: { tenantIds: $tenantIds, openOnly: true }, first: 100) {
      edges {
        node {
          id
          number
          title
          severity
        }
      }
    }
  }
`);

export const MergeCandidatesQuery = graphql(`
  query MergeCandidates($tenantId: ID!) {
    cases(filter: { tenantIds: [$tenantId], openOnly: true }, first: 100) {
      totalCount
      edges {
        node {
          id
          number
          title
          severity
          status
          tenantId
          mergedInto
        }
      }
    }
  }
`);

export const MergeCasesMutation = graphql(`
  mutation MergeCases($targetId: ID!, $sourceIds: [ID!]!) {
    mergeCases(targetId: $targetId, sourceIds: $sourceIds) {
      id
      updatedAt
    }
  }
`);

export const MergedIntoQuery = graphql(`
  query MergedInto($id: ID!) {
    case(id: $id) {
      id
      number
      title
    }
  }
`);

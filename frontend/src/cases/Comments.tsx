// A case's comments, oldest first, each under its author's name (the analyst's name on a shared
// comment is what the customer sees too); internal ones on their own background with a badge.

import { Attribution } from '../components/Attribution';
import { RelativeTime } from '../components/RelativeTime';
import type { CaseQuery } from '../gql/graphql';
import { Markdown } from './Markdown';
import { VisibilityBadge } from './VisibilityBadge';

type Comment = NonNullable<CaseQuery['case']>['comments'][number];

export function Comments({ comments }: { comments: readonly Comment[] }) {
  if (comments.length === 0) return <p className="muted">No comments yet.</p>;
  return (
    <ol className="comments">
      {comments.map((c) => (
        <li key={c.id} className={c.visibility === 'INTERNAL' ? 'comment internal' : 'comment shared'}>
          <p className="comment-meta">
            <Attribution id={c.authorId} name={c.authorName} strong /> · <RelativeTime value={c.createdAt} />{' '}
            <VisibilityBadge visibility={c.visibility} />
          </p>
          <Markdown source={c.body} />
        </li>
      ))}
    </ol>
  );
}

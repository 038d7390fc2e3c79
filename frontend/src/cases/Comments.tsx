// A case's comments, oldest first; internal ones on their own background with a badge.

import { RelativeTime } from '../components/RelativeTime';
import type { CaseQuery } from '../gql/graphql';
import { Markdown } from './Markdown';
import { VisibilityBadge } from './VisibilityBadge';

type Comment = NonNullable<CaseQuery['case']>['comments'][number];

export function Comments({ comments, authorName }: { comments: readonly Comment[]; authorName: (id: string | null | undefined) => string }) {
  if (comments.length === 0) return <p className="muted">No comments yet.</p>;
  return (
    <ol className="comments">
      {comments.map((c) => (
        <li key={c.id} className={c.visibility === 'INTERNAL' ? 'comment internal' : 'comment shared'}>
          <p className="comment-meta">
            <strong>{authorName(c.authorId)}</strong> · <RelativeTime value={c.createdAt} /> <VisibilityBadge visibility={c.visibility} />
          </p>
          <Markdown source={c.body} />
        </li>
      ))}
    </ol>
  );
}

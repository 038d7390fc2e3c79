// Errors that belong to no single field, announced to screen readers as they appear.

import type { Problem } from '../graphql/problems';

const CODE_TEXT: Record<Problem['code'], string> = {
  NOT_FOUND: 'Not found',
  FORBIDDEN: 'Not allowed',
  UNAUTHENTICATED: 'Signed out',
  INVALID_INPUT: 'Invalid input',
  CONFLICT: 'Conflict',
  UNAVAILABLE: 'Temporarily unavailable',
  INTERNAL: 'Server error',
  NETWORK: 'Network error',
};

export function ErrorBanner({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="error-banner" role="alert">
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <strong>{CODE_TEXT[p.code]}:</strong> {p.field === null ? '' : `${p.field} `}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

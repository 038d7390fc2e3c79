// The frame around every signed-in page: who is signed in, the navigation their role gets,
// and sign-out.

import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { navItems, ROLE_LABELS } from '../auth/permissions';
import { useSession } from '../auth/SessionContext';
import { useViewer } from '../auth/ViewerContext';

export function Shell({ children }: { children: ReactNode }) {
  const viewer = useViewer();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  // A client-side navigation leaves focus on a link that may be gone; move it to the new page
  // so keyboard and screen-reader users start there, as after a full page load.
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Garrison</span>
        <nav aria-label="Main">
          <ul>
            {navItems(viewer).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={false}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {viewer.displayName || viewer.email} <span className="muted">· {ROLE_LABELS[viewer.role]}</span>
          </span>
          <button type="button" onClick={() => void signOut('signed-out')}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
    </div>
  );
}

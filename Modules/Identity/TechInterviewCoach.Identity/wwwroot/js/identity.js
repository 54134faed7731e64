// Identity pages' behaviour (no inline script: the CSP forbids it).

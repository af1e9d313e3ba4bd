import { describe, expect, it } from 'vitest';
import { closingRolesProblem } from './closing-roles.js';

const dana = { id: 'con_dana', name: 'Dana', closingRoles: ['docusign_signer' as const] };
const ari = { id: 'con_ari', name: 'Ari', closingRoles: ['aws_admin' as const] };

describe('closingRolesProblem', () => {
  it.each([
    { name: 'no roles', id: 'con_new', roles: [], contacts: [dana, ari], problem: null },
    {
      name: 'the signer keeps the role',
      id: 'con_dana',
      roles: ['docusign_signer'],
      contacts: [dana, ari],
      problem: null,
    },
    {
      name: 'a first AWS admin',
      id: 'con_dana',
      roles: ['docusign_signer'],
      contacts: [dana],
      problem: null,
    },
    {
      name: 'both roles on one contact',
      id: 'con_new',
      roles: ['docusign_signer', 'aws_admin'],
      contacts: [],
      problem: 'the DocuSign signer and the AWS admin must be two different contacts',
    },
    {
      name: 'a second signer',
      id: 'con_new',
      roles: ['docusign_signer'],
      contacts: [dana, ari],
      problem:
        'Dana (con_dana) is already the DocuSign signer of this account; take the role from them first',
    },
    {
      name: 'a second AWS admin',
      id: 'con_dana',
      roles: ['aws_admin'],
      contacts: [dana, ari],
      problem: 'Ari (con_ari) is already the AWS admin of this account; take the role from them first',
    },
  ] as const)('$name', ({ id, roles, contacts, problem }) => {
    expect(closingRolesProblem(id, roles, contacts)).toBe(problem);
  });
});

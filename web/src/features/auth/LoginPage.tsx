import { Alert, Button, Container, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api';
import { DemoUsers } from './DemoUsers';
import { useLogin } from './session';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  return (
    <Container component="main" size={520} py={48}>
      <Stack gap="lg">
        <Title order={1}>Sign in to Closepath</Title>
        <form onSubmit={submit} aria-label="Sign in">
          <Stack gap="sm">
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            {login.isError && (
              <Alert color="red" role="alert" title="Could not sign in">
                {describeError(login.error)}
              </Alert>
            )}
            <Button type="submit" loading={login.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
        <DemoUsers
          onPick={(pickedEmail, demoPassword) => {
            setEmail(pickedEmail);
            setPassword(demoPassword);
          }}
        />
      </Stack>
    </Container>
  );
}

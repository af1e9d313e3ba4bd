import { Button, Group, Stack, Stepper } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, describeError, type StartImport } from '../../api';
import { ErrorState } from '../../shared/states';
import { ImportStep } from './ImportStep';
import { MappingStep } from './MappingStep';
import { type UploadIds, useImportRun, useMappingTemplate, useStartImport, useUploadFiles } from './queries';
import { RunResult } from './RunResult';
import { filesReady, type UploadedFiles, UploadStep } from './UploadStep';

const NO_FILES: UploadedFiles = { accounts: null, opportunities: null };

/** The server's reasons for refusing the mapping (400 at body.mapping); everything else stays an error. */
function mappingRefusal(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return (error.problem.errors ?? [])
    .filter((issue) => issue.path === 'body.mapping')
    .map((issue) => issue.message);
}

/** Upload → mapping → dry run → import: a Salesforce export brought in, checked by line before it writes. */
export function ImportWizard() {
  const template = useMappingTemplate(true);
  const [step, setStep] = useState(0);
  const [files, setFiles] = useState<UploadedFiles>(NO_FILES);
  const [mapping, setMapping] = useState<string | null>(null);
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [mode, setMode] = useState<'all_or_nothing' | 'good_rows_only'>('all_or_nothing');
  const dryRunStart = useStartImport();
  const importStart = useStartImport();
  const dryRun = useImportRun(dryRunId).data;
  const finalRun = useImportRun(importId).data;
  useEffect(() => {
    if (mapping === null && template.data) setMapping(template.data.mapping);
  }, [mapping, template.data]);
  useEffect(() => {
    if (dryRun && dryRun.rejected > 0) setMode('good_rows_only');
  }, [dryRun]);

  const mappingText = mapping ?? '';
  // The files are uploaded once, for the dry run; the import that follows reads the same uploads.
  const [uploads, setUploads] = useState<UploadIds | null>(null);
  const upload = useUploadFiles();
  const chooseFiles = (chosen: UploadedFiles) => {
    setFiles(chosen);
    setUploads(null);
  };
  const start = async (runMode: StartImport['mode']): Promise<StartImport> => {
    const ids =
      uploads ??
      (await upload.mutateAsync({
        ...(files.accounts && { accounts: files.accounts.file }),
        ...(files.opportunities && { opportunities: files.opportunities.file }),
      }));
    setUploads(runMode === 'dry_run' ? ids : null);
    return { mode: runMode, mapping: mappingText, ...ids };
  };
  const runDry = async () => {
    const body = await start('dry_run').catch(() => null);
    if (!body) return;
    dryRunStart.mutate(body, {
      onSuccess: (run) => {
        setDryRunId(run.id);
        setImportId(null);
        setStep(2);
      },
    });
  };
  const runImport = async () => {
    const body = await start(mode).catch(() => null);
    if (body) importStart.mutate(body, { onSuccess: (run) => setImportId(run.id) });
  };
  const startAgain = () => {
    chooseFiles(NO_FILES);
    setDryRunId(null);
    upload.reset();
    setImportId(null);
    dryRunStart.reset();
    importStart.reset();
    setStep(0);
  };
  const refusal = mappingRefusal(dryRunStart.error);
  const dryRunFailure = dryRunStart.error && refusal.length === 0 ? dryRunStart.error : null;
  const hasFiles = filesReady(files);
  const importing = importId !== null;
  const imported = finalRun?.status === 'succeeded';
  const importStep = (
    <ImportStep
      dryRun={dryRun}
      mode={mode}
      onMode={setMode}
      runId={importId}
      onRun={runImport}
      running={importStart.isPending || upload.isPending}
      failure={
        importStart.error || (step === 3 && upload.error)
          ? describeError(importStart.error ?? upload.error)
          : null
      }
      onAnother={startAgain}
    />
  );

  return (
    <Stack gap="lg">
      <Stepper
        active={imported ? 4 : step}
        onStepClick={importing ? undefined : setStep}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label="Upload" description="Account.csv, Opportunity.csv">
          <UploadStep
            files={files}
            onChange={(next) => {
              chooseFiles(next);
              setDryRunId(null);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label="Mapping" description="Values → playbook">
          {template.isError && (
            <ErrorState title="Could not load the starting mapping" error={template.error} />
          )}
          <MappingStep
            files={files}
            mapping={mappingText}
            template={template.data?.mapping}
            onChange={(next) => {
              setMapping(next);
              dryRunStart.reset();
              setDryRunId(null);
            }}
            refusal={refusal}
          />
          {dryRunFailure && <ErrorState title="The dry run could not start" error={dryRunFailure} />}
          {upload.error && step === 1 && (
            <ErrorState title="The files could not be uploaded" error={upload.error} />
          )}
        </Stepper.Step>
        <Stepper.Step label="Dry run" description="Errors by line">
          {dryRunId ? <RunResult id={dryRunId} /> : null}
        </Stepper.Step>
        <Stepper.Step label="Import" description="With progress">
          {importStep}
        </Stepper.Step>
        {/* A finished import marks every step done, and stays on screen with its summary. */}
        <Stepper.Completed>{importStep}</Stepper.Completed>
      </Stepper>
      {!importing && (
        <Group justify="space-between">
          <Button variant="default" onClick={() => setStep(step - 1)} disabled={step === 0}>
            Back
          </Button>
          {step === 0 && (
            <Button onClick={() => setStep(1)} disabled={!hasFiles}>
              Next: mapping
            </Button>
          )}
          {step === 1 && (
            <Button
              onClick={runDry}
              disabled={!hasFiles || !mappingText.trim()}
              loading={upload.isPending || dryRunStart.isPending}
            >
              Run the dry run
            </Button>
          )}
          {step === 2 && (
            <Button onClick={() => setStep(3)} disabled={dryRun?.status !== 'succeeded'}>
              Next: import
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

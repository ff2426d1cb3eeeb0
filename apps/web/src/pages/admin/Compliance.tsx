import { $api, queryClient } from '../../api/client';
import { Confirmation, useStep } from '../../components/check-answers';
import { Button, DataList, ErrorAlert, PageHeading } from '../../components/ui';
import { count, dateLong, today } from '../../format';
import { BackLink } from './shared';

/** The operator runs today's compliance evaluation again (the workers run it daily by themselves). */
export function CompliancePage() {
  const step = useStep<null>(null);
  const evaluation = $api.useMutation('post', '/api/v1/compliance/evaluations', {
    onSuccess: () => {
      // Statuses, notifications and the overview may have changed.
      void queryClient.invalidateQueries();
      step.confirm();
    },
  });
  const day = today();

  if (step.current === 'done' && evaluation.data) {
    const result = evaluation.data;
    return (
      <>
        <Confirmation title={`Evaluatie uitgevoerd voor ${dateLong(result.day)}`} />
        <DataList
          items={[
            ['Dag', dateLong(result.day)],
            ['Beoordeelde verplichtingen', count(result.obligations)],
            ['Veranderd sinds de vorige beoordeling', count(result.changes)],
            ['Nieuwe meldingen', count(result.notifications)],
            ['Webhookberichten klaargezet', count(result.webhookDeliveries)],
          ]}
        />
        <h2 className="utrecht-heading-2">Wat gebeurt er nu</h2>
        <p className="utrecht-paragraph">
          {result.changes === 0
            ? 'Geen enkele gemeente veranderde van status: er zijn geen nieuwe meldingen.'
            : 'Gemeenten en hun beheerders zien de nieuwe meldingen in het portaal; webhooks worden op de achtergrond afgeleverd.'}{' '}
          De werkers voeren de beoordeling ook morgen weer uit.
        </p>
        <BackLink to="/beheer">Terug naar Beheer</BackLink>
      </>
    );
  }

  return (
    <>
      <BackLink to="/beheer">Terug naar Beheer</BackLink>
      <PageHeading>Evaluatie uitvoeren voor {dateLong(day)}</PageHeading>
      <p className="utrecht-paragraph">
        De beoordeling stelt voor elke gemeente en elke plicht vast of de dekking vandaag rond is, vergelijkt dat met de
        vorige beoordeling en maakt meldingen en webhookberichten voor wat veranderde. De werkers doen dit elke dag
        zelf; voer haar nu uit als u contracten, diensten of openingstijden heeft gecorrigeerd.
      </p>
      <DataList
        items={[
          ['Dag', dateLong(day)],
          ['Gemeenten', 'Alle gemeenten van het platform'],
          ['Gevolg', 'Meldingen en webhookberichten voor elke gemeente waarvan de status veranderde'],
        ]}
      />
      {evaluation.error ? <ErrorAlert error={evaluation.error} /> : null}
      <p className="utrecht-paragraph">
        <Button busy={evaluation.isPending} onClick={() => evaluation.mutate({})}>
          {evaluation.isPending ? 'Evaluatie loopt…' : 'Evaluatie uitvoeren'}
        </Button>
      </p>
      {evaluation.isPending ? (
        <p className="utrecht-paragraph" role="status">
          De beoordeling loopt; dit duurt enkele seconden.
        </p>
      ) : null}
    </>
  );
}

/**
 * `npm run demo`, beside a running `npm start`: takes xã Ia Dom's plan through the year's first steps
 * over the API (the commune's draft submitted, appraised), until the approver's "Đề nghị phê duyệt"
 * message is in the development mailbox. Approving it from that message is left to the person
 * watching: two clicks.
 */
import { API, call, expectOk, IA_DOM, login, MAILBOX, prepareDemoCycle, until, type Json } from './demo-cycle';

async function main(): Promise<void> {
  const { cycle, year } = await prepareDemoCycle();
  const [officer, appraiser, approver] = await Promise.all(['canbo.iadom', 'thamdinh.ducco', 'pheduyet.ducco'].map(login));
  const plan = `/cycles/${cycle}/units/${IA_DOM}/plan`;
  const stageOf = async (path: string, token: string) => (await expectOk('GET', path, token)).plan as { stage: string; latestVersion: number };

  console.log('Xã Ia Dom soạn và trình kế hoạch; Phòng Văn hóa và Thông tin huyện Đức Cơ thẩm định…');
  await until('xã Ia Dom’s plan', async () => (await call('GET', plan, officer)).status === 200);
  for (let step = 0; step < 6; step += 1) {
    const { stage, latestVersion: version } = await stageOf(plan, officer);
    // Waiting for approval since an earlier run: its message went to a mailbox that restarted empty.
    // The approver sends it back, so this run brings a fresh version and a fresh message.
    if (stage === 'approval' && step === 0) {
      await expectOk('POST', `${plan}/decisions`, approver, { action: 'return', version, comments: 'Chạy lại demo: trình lại phiên bản mới.' });
      continue;
    }
    if (stage === 'approval') break;
    if (stage === 'issued') await expectOk('POST', `${plan}/decisions`, officer, { action: 'amend' }); // a new version to approve
    if (stage === 'drafting') {
      await expectOk('PUT', `${plan}/draft`, officer, { version, items: [borderConference(year)] });
      await expectOk('POST', `${plan}/decisions`, officer, { action: 'submit', version });
    }
    if (stage === 'appraisal') {
      await expectOk('POST', `${plan}/decisions`, appraiser, { action: 'appraise', version, opinion: 'agree', comments: 'Thống nhất nội dung và kinh phí.' });
    }
  }

  const waiting = await stageOf(plan, officer);
  if (waiting.stage !== 'approval') throw new Error(`Xã Ia Dom's plan is at ${waiting.stage}, not waiting for approval.`);
  // With SMTP_URL set there is no development mailbox to watch: the message went to the real relay.
  const mailboxRuns = await fetch(MAILBOX).then(
    () => true,
    () => false,
  );
  if (mailboxRuns) await until('the approver’s message in the development mailbox', async () => {
    const messages = (await (await fetch(new URL('messages.json', MAILBOX))).json().catch(() => [])) as Array<{ to: string[]; subject: string }>;
    return messages.some((m) => m.to.some((to) => to.startsWith('pheduyet.ducco@')) && m.subject.includes('Đề nghị phê duyệt') && m.subject.includes(`Ia Dom (phiên bản ${waiting.latestVersion})`));
  });
  console.log(
    [
      '',
      `Kế hoạch của xã Ia Dom đang chờ phê duyệt. Mở hộp thư phát triển: ${MAILBOX}`,
      '  1. thư "Đề nghị phê duyệt…" gửi pheduyet.ducco: bấm "Phê duyệt";',
      '  2. trên trang mở ra: bấm "Xác nhận phê duyệt và ban hành" → kế hoạch được ban hành, có số văn bản.',
      `Xem lại: GET ${API}${plan} (đăng nhập canbo.iadom).`,
    ].join('\n'),
  );
}

/** Seed 002's budget on a border conference of the kind seed 004 plans (3 sites, 750 delegates). */
function borderConference(year: number): Json {
  return {
    id: '1',
    content: 'Tổ chức hội nghị tuyên truyền về biên giới tại 03 điểm cho 750 đại biểu',
    leadUnitCode: IA_DOM,
    coordinatingUnitCodes: ['GL.BDBP'],
    timeFrame: { kind: 'quarter', year, quarter: 2 },
    budget: 200_000_000,
    focusTaskNumbers: [1],
    sourceItemId: null,
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import type { Browser, Page } from 'playwright-core';
import { hasFocus, launchBrowser, openContext, PHONE_SCREEN, screenshot, SCREENSHOT_DIR, sidewaysOverflow, signInWithKeyboard, signOut } from '../../support/browser';
import { eventually } from '../../support/eventually';
import { recordGuidanceFor } from '../../support/guidance';
import { issueProvincialPlan } from '../../support/provincial-plan';
import { startTestStack, type TestStack } from '../../support/stack';

// This file owns GL's year YEAR on the shared Temporal server.
const YEAR = new Date().getFullYear() + 66;
const CYCLE = `GL-${YEAR}`;
const IA_DOM = 'GL.DUCCO.IADOM';
const PLAN_PATH = `/app/cycles/${CYCLE}/units/${IA_DOM}/plan`;

/**
 * The issue's walk, in a real browser (Debian's Chromium driven by playwright-core): an officer signs
 * in with the keyboard, edits and submits the plan, the appraiser returns it, the officer revises,
 * the appraiser agrees, the approver issues it, and the coordinator sees it issued. Screenshots of
 * each main page are left in test-output/screenshots for a person to look at.
 */
describe('a unit’s plan from draft to issued, in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let base: string;
  let outsideRequests: string[];

  beforeAll(async () => {
    stack = await startTestStack({ listen: true });
    base = stack.baseUrl!;
    const admin = await stack.login('admin.gl');
    await stack.http().post('/api/cycles').set('Authorization', `Bearer ${admin}`).send({ provinceCode: 'GL', year: YEAR, participatingUnitCodes: [IA_DOM, 'GL.SNGV'] }).expect(201);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
    await issueProvincialPlan(stack.client, stack.dataSource, CYCLE);
    const officer = await stack.login('canbo.iadom');
    await eventually(() => stack.http().get(`/api/cycles/${CYCLE}/units/${IA_DOM}/plan`).set('Authorization', `Bearer ${officer}`).expect(200));
    browser = await launchBrowser();
    const opened = await openContext(browser, base);
    outsideRequests = opened.outsideRequests;
    page = await opened.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.client.workflow.getHandle(`annual-cycle/${CYCLE}`).terminate('end of test').catch(() => undefined);
    await stack?.stop();
    console.log(`Screenshots: ${SCREENSHOT_DIR}`);
  });

  const stage = () => page.locator('#plan-stage').innerText();

  it('shows the coordinator every unit drafting on the cycle dashboard', async () => {
    await signInWithKeyboard(page, base, 'dieuphoi.gl');
    await page.getByRole('link', { name: 'Chu kỳ', exact: true }).click();
    await page.locator(`main a[href="/app/cycles/${CYCLE}"]`).first().click();
    await page.waitForURL(`${base}/app/cycles/${CYCLE}`);
    await expect(page.locator(`#unit-status tr[data-unit="${IA_DOM}"]`).getAttribute('data-stage')).resolves.toBe('drafting');
    await expect(page.locator('#stat-issued').innerText()).resolves.toBe('0');
    await screenshot(page, '00-dashboard-before');
    await signOut(page);
  });

  it('signs the officer in with the keyboard and shows the drafting task in the inbox', async () => {
    await signInWithKeyboard(page, base, 'canbo.iadom');
    const task = page.locator('#tasks tr[data-task-kind="draft"]');
    await expect(task.innerText()).resolves.toContain('Soạn kế hoạch');
    await expect(task.innerText()).resolves.toMatch(/Còn \d+ ngày làm việc|Quá hạn|Hết hạn hôm nay/);
    await screenshot(page, '01-inbox');
    await task.getByRole('link').click();
    await page.waitForURL(`${base}${PLAN_PATH}`);
    await expect(stage()).resolves.toBe('Đang soạn thảo');
  });

  it('keeps the total in VND and in words, and the coverage advice, current as the officer types', async () => {
    const first = page.locator('[data-row]').first();
    await first.locator('textarea').fill('Tổ chức hội nghị tuyên truyền về biên giới tại 03 điểm cho 750 đại biểu');
    await first.locator('input[data-budget]').pressSequentially('150000000');
    await expect(page.locator('[data-total]').innerText()).resolves.toBe('150.000.000');
    await expect(page.locator('[data-total-words]').innerText()).resolves.toBe('Một trăm năm mươi triệu đồng');
    // Both focus tasks are unserved until a row says it serves them.
    await expect(page.locator('[data-coverage-list] li').count()).resolves.toBeGreaterThanOrEqual(2);
    await first.locator('input[data-focus][value="2"]').check();

    await page.getByRole('button', { name: '+ Thêm dòng' }).click();
    const added = page.locator('[data-row]').last();
    await expect(hasFocus(added.locator('textarea'))).resolves.toBe(true);
    await added.locator('textarea').fill('Phân công cán bộ phụ trách thông tin đối ngoại của xã');
    await added.locator('input[data-budget]').fill('50.000.000');
    await added.locator('input[data-focus][value="1"]').check();
    await expect(page.locator('[data-total]').innerText()).resolves.toBe('200.000.000');
    await expect(page.locator('[data-total-words]').innerText()).resolves.toBe('Hai trăm triệu đồng');
    // At 1366×768 the grid scrolls inside its own box; the page itself never scrolls sideways.
    await expect(sidewaysOverflow(page)).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, '02-plan-editor');
  });

  it('refuses a budget that is not an amount, keeping what the officer typed', async () => {
    const last = page.locator('[data-row]').last();
    await last.locator('input[data-budget]').fill('năm chục triệu');
    await expect(last.locator('input[data-budget]').getAttribute('aria-invalid')).resolves.toBe('true');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Lưu dự thảo' }).click()]);
    await expect(page.locator('#editor-problems').innerText()).resolves.toContain('Có ô kinh phí không phải số tiền hợp lệ.');
    await expect(page.locator('[data-row] textarea').last().inputValue()).resolves.toBe('');
    const typed = page.locator('input[data-budget]');
    await expect(typed.nth(1).inputValue()).resolves.toBe('năm chục triệu');
    await typed.nth(1).fill('50.000.000');
  });

  it('saves and submits the plan for appraisal', async () => {
    await Promise.all([page.waitForURL(/done=submitted/), page.getByRole('button', { name: 'Lưu và trình' }).click()]);
    await expect(stage()).resolves.toBe('Chờ thẩm định');
    await expect(page.locator('.plan-table tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('.plan-table tfoot').innerText()).resolves.toContain('Hai trăm triệu đồng');
    await signOut(page);
  });

  it('lets the appraiser return it with reasons, which the officer then sees in place', async () => {
    await signInWithKeyboard(page, base, 'thamdinh.ducco');
    await page.locator('#tasks tr[data-task-kind="appraise"] a').click();
    await screenshot(page, '03-appraisal');
    // Returning without reasons is refused by the workflow, and shown on the page.
    await page.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).click();
    await expect(page.locator('#refusal').innerText()).resolves.toMatch(/lý do|ý kiến/i);
    await page.getByLabel('Lý do trả lại (bắt buộc khi trả lại)').fill('Đề nghị giảm kinh phí hội nghị xuống 120 triệu đồng.');
    await Promise.all([page.waitForURL(/done=decided/), page.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).click()]);
    await expect(stage()).resolves.toBe('Đang soạn thảo');
    await signOut(page);
  });

  it('lets the officer revise and resubmit, and shows what changed side by side', async () => {
    await signInWithKeyboard(page, base, 'canbo.iadom');
    await page.goto(`${base}${PLAN_PATH}`);
    await expect(page.locator('.warning').first().innerText()).resolves.toContain('Đề nghị giảm kinh phí hội nghị xuống 120 triệu đồng.');
    await page.locator('input[data-budget]').first().fill('120.000.000');
    await expect(page.locator('[data-total-words]').innerText()).resolves.toBe('Một trăm bảy mươi triệu đồng');
    await Promise.all([page.waitForURL(/done=submitted/), page.getByRole('button', { name: 'Lưu và trình' }).click()]);
    await page.getByRole('link', { name: 'So sánh 1 ↔ 2' }).click();
    await expect(page.locator('#compare tr[data-change="changed"]').count()).resolves.toBe(1);
    await expect(page.locator('#compare mark').allInnerTexts()).resolves.toEqual(['150.000.000', '120.000.000']);
    await screenshot(page, '04-compare-versions');
    await signOut(page);
  });

  it('lets the appraiser agree and the approver issue the plan with its number', async () => {
    await signInWithKeyboard(page, base, 'thamdinh.ducco');
    await page.locator('#tasks tr[data-task-kind="appraise"] a').click();
    await page.getByLabel('Lý do trả lại (bắt buộc khi trả lại)').fill('Thống nhất.');
    await Promise.all([page.waitForURL(/done=decided/), page.getByRole('button', { name: 'Đồng ý (thẩm định)' }).click()]);
    await expect(stage()).resolves.toBe('Chờ phê duyệt');
    await signOut(page);

    await signInWithKeyboard(page, base, 'pheduyet.ducco');
    await page.locator('#tasks tr[data-task-kind="approve"] a').click();
    await Promise.all([page.waitForURL(/done=decided/), page.getByRole('button', { name: 'Phê duyệt và ban hành' }).click()]);
    await expect(stage()).resolves.toBe('Đã ban hành');
    await expect(page.locator('#plan-number').innerText()).resolves.toMatch(/^\d{2}\/KH-UBND/);
    const history = await page.locator('#history li').allInnerTexts();
    expect(history.filter((line) => line.includes('· Thẩm định'))).toHaveLength(2);
    await screenshot(page, '05-plan-issued');
    // The signed paper, from the page's own buttons.
    for (const [label, extension] of [['Word (.docx)', 'docx'], ['PDF', 'pdf'], ['Excel (.xlsx)', 'xlsx']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#downloads').getByRole('link', { name: label }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^ke-hoach-uy-ban-nhan-dan-xa-ia-dom-${YEAR}-v2\\.${extension}$`));
      await download.saveAs(`${SCREENSHOT_DIR}/../downloads/${download.suggestedFilename()}`);
    }
    await signOut(page);
  });

  it('shows the plan issued on the coordinator’s dashboard', async () => {
    await signInWithKeyboard(page, base, 'dieuphoi.gl');
    await page.goto(`${base}/app/cycles/${CYCLE}`);
    const row = page.locator(`#unit-status tr[data-unit="${IA_DOM}"]`);
    await expect(row.getAttribute('data-stage')).resolves.toBe('issued');
    await expect(row.innerText()).resolves.toMatch(/\d{2}\/KH-UBND/);
    await expect(page.locator('#stat-issued').innerText()).resolves.toBe('1');
    await screenshot(page, '08-dashboard-after');
    await page.goto(`${base}/app/cycles/${CYCLE}/reports`);
    await screenshot(page, '09-cycle-reports');
    await signOut(page);
  });

  it('shows the admin the units, the users, the days off and the form that starts a cycle', async () => {
    await signInWithKeyboard(page, base, 'admin.gl');
    await page.getByRole('link', { name: 'Quản trị' }).click();
    for (const [path, name] of [['units', '10-admin-units'], ['users', '11-admin-users'], [`calendar/${YEAR}`, '12-admin-days-off'], ['cycles/new', '13-admin-start-cycle']]) {
      const response = await page.goto(`${base}/app/admin/${path}`);
      expect(response?.status()).toBe(200);
      await expect(sidewaysOverflow(page)).resolves.toBeLessThanOrEqual(0);
      await screenshot(page, name);
    }
    await signOut(page);
  });

  it('shows the inbox and the plan on a phone, and in English', async () => {
    const phone = await openContext(browser, base, PHONE_SCREEN);
    const small = await phone.context.newPage();
    await signInWithKeyboard(small, base, 'canbo.iadom');
    await small.goto(`${base}${PLAN_PATH}`);
    await expect(sidewaysOverflow(small)).resolves.toBeLessThanOrEqual(0); // wide tables scroll inside their own box, the page does not
    await screenshot(small, '06-plan-on-phone');
    await small.getByRole('link', { name: 'English' }).click();
    await expect(small.locator('h1').innerText()).resolves.toContain('External information plan of');
    await expect(small.locator('#plan-stage').innerText()).resolves.toBe('Issued');
    await screenshot(small, '07-plan-in-english');
    await phone.context.close();
    expect(phone.outsideRequests).toEqual([]);
  });

  it('never asked another host for anything', () => {
    expect(outsideRequests).toEqual([]);
  });
});

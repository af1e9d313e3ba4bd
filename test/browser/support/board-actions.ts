import type { Locator, Page } from 'playwright-core';

/** The card of a deal on the board. */
export const cardOf = (page: Page, dealId: string) =>
  page.locator(`[data-testid="deal-card"][data-deal-id="${dealId}"]`);
export const columnOf = (page: Page, stage: string) =>
  page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);

async function centerOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, top: box.y };
}

/** Drags a card with the mouse onto a column, the way a person does (dnd-kit's pointer sensor). */
export async function dragCard(page: Page, dealId: string, toStage: string) {
  const card = cardOf(page, dealId);
  await card.scrollIntoViewIfNeeded();
  const from = await centerOf(card);
  const to = await centerOf(columnOf(page, toStage));
  // Grab the card near its top edge (the account name), away from the link and the menu button.
  await page.mouse.move(from.x - 40, from.top + 10);
  await page.mouse.down();
  await page.mouse.move(from.x - 20, from.top + 20, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.move(to.x + 2, to.y + 2, { steps: 2 });
  await page.mouse.up();
}

/** Narrows the board to one deal by the text filter, so its card is on screen whatever the column length. */
export async function searchBoard(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Search' }).fill(text);
}

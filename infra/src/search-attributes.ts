import { SearchAttributeType } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from '@plancycle/workflows';

/** The CLI's names for the types the workflow contract uses. */
const CLI_TYPE_NAMES: Partial<Record<string, string>> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

/**
 * The custom search attributes PlanCycle's workflows set (declared once, in the workflow contract),
 * as the CLI names them, so the Temporal UI and `temporal workflow list` can find a cycle by
 * province, year, unit or stage. The dev server registers them at start; on a real cluster an
 * operator runs `temporal operator search-attribute create --name <name> --type <type>` for each.
 */
export const PLANCYCLE_SEARCH_ATTRIBUTES: Record<string, string> = Object.fromEntries(
  Object.values(SEARCH_ATTRIBUTES).map((key) => {
    const type = CLI_TYPE_NAMES[key.type];
    if (!type) throw new Error(`No CLI type name for search attribute ${key.name} (${key.type}).`);
    return [key.name, type];
  }),
);

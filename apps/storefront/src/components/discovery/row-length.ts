/** How many products a recommendation row shows. */
export const ROW_LENGTH = 8;

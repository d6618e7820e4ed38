/** Query strings carry text: "true" and "false" become booleans, anything else is left for the validator to refuse. */
export const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

import Heading from "@tiptap/extension-heading";

/**
 * A heading that may open a template section: it carries the section's help text (shown while
 * the section is empty) and whether the section must be filled before review.
 */
export const SectionHeading = Heading.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      help: { default: "", parseHTML: (el) => el.getAttribute("data-help") ?? "", renderHTML: (a) => (a.help ? { "data-help": a.help } : {}) },
      required: {
        default: false,
        parseHTML: (el) => el.hasAttribute("data-required"),
        renderHTML: (a) => (a.required ? { "data-required": "" } : {}),
      },
      /** The whole section (to the next heading of the same or a higher level) stays out of public editions. */
      internal: {
        default: false,
        parseHTML: (el) => el.hasAttribute("data-internal"),
        renderHTML: (a) => (a.internal ? { "data-internal": "" } : {}),
      },
    };
  },
}).configure({ levels: [1, 2, 3, 4] });

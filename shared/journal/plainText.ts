// Markdown reduced to its words, for list snippets: no heading marks, emphasis, links' targets or code fences.
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\[[ xX]\]\s+/gm, '')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/\*(\S(?:[^*\n]*?\S)?)\*/g, '$1')
    .replace(/(^|\W)_(\S(?:[^_\n]*?\S)?)_(?=\W|$)/gu, '$1$2')
    .replace(/^\s*([-*_]\s*){3,}$/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

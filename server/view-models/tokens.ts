/** The token form (own tokens and service tokens alike), and the pages' template data. */
import { z } from 'zod';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, TOKEN_SCOPES, type TokenScope, type TokenView } from '../../app/api-tokens';

export const TokenFormSchema = z.object({
  name: z.string().trim().min(1, 'tokens.error.name').max(80, 'tokens.error.name'),
  scopes: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat()))
    .pipe(z.array(z.enum(TOKEN_SCOPES, { message: 'tokens.error.scopes' })).min(1, 'tokens.error.scopes')),
  expiresInDays: z.coerce
    .number({ message: 'tokens.error.expiry' })
    .int('tokens.error.expiry')
    .min(1, 'tokens.error.expiry')
    .max(TOKEN_MAX_DAYS, 'tokens.error.expiry')
    .default(TOKEN_DEFAULT_DAYS),
});

export const TokenIdParam = z.object({ tokenId: z.coerce.number().int().positive() });

export function tokenFormErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message.startsWith('tokens.') ? issue.message : 'tokens.error.invalid';
  }
  return out;
}

export function tokensViewModel(o: { tokens: TokenView[]; scopes: readonly TokenScope[]; values?: Record<string, unknown> }) {
  const chosen = new Set([(o.values?.scopes as string | string[] | undefined) ?? []].flat());
  return {
    tokens: o.tokens.map((t) => ({ ...t, scopeKeys: t.scopes.map((s) => `tokens.scope.${s}`) })),
    scopeOptions: o.scopes.map((s) => ({ value: s, key: `tokens.scope.${s}`, checked: chosen.has(s) })),
    expiresInDays: o.values?.expiresInDays ?? TOKEN_DEFAULT_DAYS,
    name: o.values?.name ?? '',
    maxDays: TOKEN_MAX_DAYS,
  };
}

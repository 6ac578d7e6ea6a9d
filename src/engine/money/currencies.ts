/**
 * The active ISO 4217 currency codes a plan can be kept in (list one of the ISO 4217 maintenance
 * agency, as amended up to 2025): national currencies and the shared ones (EUR, XAF, XCD, XCG,
 * XOF, XPF). Left out on purpose: fund codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), precious
 * metals and special codes (XAU, XAG, XPD, XPT, XDR, XSU, XUA, XB*, XTS, XXX) and withdrawn
 * currencies (e.g. ANG → XCG 2025, BGN → EUR 2026, HRK, SLL, ZWL, CUC, VEF) — no sales target is
 * set in them. Kept as one string: 150 codes cost about 600 bytes.
 */
const CODES =
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY ' +
  'COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ' +
  'ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK ' +
  'MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF ' +
  'SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU ' +
  'UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG';

/** The active ISO 4217 currency codes, e.g. `CNY`, `USD`, `EUR`. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(CODES.split(' '));

/**
 * Whether `code` is an active ISO 4217 currency code (capitals, from the list).
 *
 * @example isCurrencyCode('CNY') // true
 * @example isCurrencyCode('ZZZ') // false: three capitals, but no such currency
 */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

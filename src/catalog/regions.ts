/** Lightsail's regions (those with an endpoint) and the Availability Zones Skiff offers in each. */
export interface RegionInfo {
  name: string;
  displayName: string;
  continentCode: string;
  description: string;
  zones: string;
}

const recommended = (who: string) => `This region is recommended to serve users in ${who}`;

export const regions: RegionInfo[] = [
  { name: "us-east-1", displayName: "Virginia", continentCode: "NA", description: recommended("the eastern United States"), zones: "abcdef" },
  { name: "us-east-2", displayName: "Ohio", continentCode: "NA", description: recommended("the eastern United States"), zones: "abc" },
  { name: "us-west-2", displayName: "Oregon", continentCode: "NA", description: recommended("the northwestern United States, Alaska, and western Canada"), zones: "abcd" },
  { name: "ca-central-1", displayName: "Montreal", continentCode: "NA", description: recommended("eastern and central Canada"), zones: "abd" },
  { name: "eu-west-1", displayName: "Ireland", continentCode: "EU", description: recommended("Ireland, the United Kingdom, and Iceland"), zones: "abc" },
  { name: "eu-west-2", displayName: "London", continentCode: "EU", description: recommended("Ireland, the United Kingdom, and Iceland"), zones: "abc" },
  { name: "eu-west-3", displayName: "Paris", continentCode: "EU", description: recommended("France and central Europe"), zones: "abc" },
  { name: "eu-central-1", displayName: "Frankfurt", continentCode: "EU", description: recommended("Europe, the Middle East, and Africa"), zones: "abc" },
  { name: "eu-north-1", displayName: "Stockholm", continentCode: "EU", description: recommended("northern Europe"), zones: "abc" },
  { name: "eu-south-2", displayName: "Spain", continentCode: "EU", description: recommended("southern Europe"), zones: "abc" },
  { name: "ap-south-1", displayName: "Mumbai", continentCode: "AS", description: recommended("India and southern Asia"), zones: "abc" },
  { name: "ap-southeast-1", displayName: "Singapore", continentCode: "AS", description: recommended("India and Southeast Asia"), zones: "abc" },
  { name: "ap-southeast-2", displayName: "Sydney", continentCode: "AU", description: recommended("Austalia, New Zealand, and the South Pacific"), zones: "abc" },
  { name: "ap-southeast-3", displayName: "Jakarta", continentCode: "AS", description: recommended("Indonesia and Southeast Asia"), zones: "abc" },
  { name: "ap-southeast-5", displayName: "Malaysia", continentCode: "AS", description: recommended("Malaysia and Southeast Asia"), zones: "abc" },
  { name: "ap-northeast-1", displayName: "Tokyo", continentCode: "AS", description: recommended("Japan"), zones: "acd" },
  { name: "ap-northeast-2", displayName: "Seoul", continentCode: "AS", description: recommended("South Korea"), zones: "abcd" },
  { name: "ap-east-1", displayName: "Hong Kong", continentCode: "AS", description: recommended("Hong Kong and East Asia"), zones: "abc" },
  { name: "sa-east-1", displayName: "São Paulo", continentCode: "SA", description: recommended("South America"), zones: "abc" },
];

const byName = new Map(regions.map((r) => [r.name, r]));

/**
 * Any region a client signs for works (USERS.md: "every region works"); one outside the table gets
 * zones a, b and c.
 */
export function regionInfo(name: string): RegionInfo {
  return byName.get(name) ?? { name, displayName: name, continentCode: "NA", description: recommended("this area"), zones: "abc" };
}

export const availabilityZones = (region: string) => [...regionInfo(region).zones].map((letter) => `${region}${letter}`);

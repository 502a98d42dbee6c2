/** Lightsail blueprints: the images an instance starts from. */
export type Platform = "LINUX_UNIX" | "WINDOWS";

export interface BlueprintInfo {
  blueprintId: string;
  name: string;
  group: string;
  type: "os" | "app";
  description: string;
  isActive: boolean;
  minPower: number;
  version: string;
  versionCode: string;
  productUrl: string;
  licenseUrl: string;
  platform: Platform;
  appCategory?: "LfR";
  username: string;
  /** Public ports open on a new instance, in the order the real service lists them. */
  defaultPorts: number[];
}

const OS_PORTS = [22, 80];
const APP_PORTS = [80, 22, 443];
const WINDOWS_PORTS = [22, 80, 3389];

type Row = [id: string, name: string, group: string, type: "os" | "app", version: string, platform: Platform, username: string, ports: number[], minPower?: number, isActive?: boolean];

const rows: Row[] = [
  ["amazon_linux_2023", "Amazon Linux 2023", "amazon_linux_2023", "os", "2023.6.20250317.2", "LINUX_UNIX", "ec2-user", OS_PORTS],
  ["amazon_linux_2", "Amazon Linux 2", "amazon_linux_2", "os", "2.0.20250305.0", "LINUX_UNIX", "ec2-user", OS_PORTS],
  ["ubuntu_24_04", "Ubuntu", "ubuntu_24", "os", "24.04 LTS", "LINUX_UNIX", "ubuntu", OS_PORTS],
  ["ubuntu_22_04", "Ubuntu", "ubuntu_22", "os", "22.04 LTS", "LINUX_UNIX", "ubuntu", OS_PORTS],
  ["ubuntu_20_04", "Ubuntu", "ubuntu_20", "os", "20.04 LTS", "LINUX_UNIX", "ubuntu", OS_PORTS],
  ["debian_12", "Debian", "debian_12", "os", "12.9", "LINUX_UNIX", "admin", OS_PORTS],
  ["debian_11", "Debian", "debian_11", "os", "11.11", "LINUX_UNIX", "admin", OS_PORTS],
  ["freebsd_14", "FreeBSD", "freebsd_14", "os", "14.2", "LINUX_UNIX", "ec2-user", OS_PORTS],
  ["freebsd_13", "FreeBSD", "freebsd_13", "os", "13.4", "LINUX_UNIX", "ec2-user", OS_PORTS],
  ["opensuse_15", "openSUSE", "opensuse", "os", "15.6", "LINUX_UNIX", "ec2-user", OS_PORTS],
  ["alma_linux_9", "AlmaLinux", "alma_linux", "os", "9.5", "LINUX_UNIX", "ec2-user", OS_PORTS],
  ["centos_stream_9", "CentOS Stream", "centos_stream", "os", "9", "LINUX_UNIX", "centos", OS_PORTS],
  ["windows_server_2022", "Windows Server 2022", "windows_2022", "os", "2022", "WINDOWS", "Administrator", WINDOWS_PORTS],
  ["windows_server_2019", "Windows Server 2019", "windows_2019", "os", "2019", "WINDOWS", "Administrator", WINDOWS_PORTS],
  ["windows_server_2016", "Windows Server 2016", "windows_2016", "os", "2016", "WINDOWS", "Administrator", WINDOWS_PORTS],
  ["windows_server_2016_sql_2016_express", "SQL Server 2016 Express", "windows_2016_sql_exp", "app", "2016", "WINDOWS", "Administrator", WINDOWS_PORTS],
  ["windows_server_2019_sql_2016_express", "SQL Server 2016 Express", "windows_2019_sql_exp", "app", "2016", "WINDOWS", "Administrator", WINDOWS_PORTS],
  ["wordpress", "WordPress", "wordpress", "app", "6.5.3-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["wordpress_multisite", "WordPress Multisite", "wordpress_multi", "app", "6.5.3-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["lamp_8_bitnami", "LAMP (PHP 8)", "lamp_8", "app", "8.2.18-4", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["nodejs", "Node.js", "node", "app", "18.20.2-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["mean", "MEAN", "mean", "app", "6.0.14-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["joomla", "Joomla!", "joomla", "app", "5.1.0-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["drupal", "Drupal", "drupal", "app", "10.2.6-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["magento", "Magento", "magento", "app", "2.4.7-0", "LINUX_UNIX", "bitnami", APP_PORTS, 1000],
  ["gitlab", "GitLab CE", "gitlab", "app", "16.11.1-0", "LINUX_UNIX", "bitnami", APP_PORTS, 1000],
  ["redmine", "Redmine", "redmine", "app", "5.1.2-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["nginx", "Nginx", "nginx", "app", "1.26.0-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["ghost_bitnami", "Ghost", "ghost", "app", "5.82.8-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["django_bitnami", "Django", "django", "app", "5.0.6-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["prestashop_bitnami", "PrestaShop", "prestashop", "app", "8.1.6-0", "LINUX_UNIX", "bitnami", APP_PORTS],
  ["plesk_ubuntu_byol", "Plesk Hosting Stack on Ubuntu", "plesk", "app", "18.0.61", "LINUX_UNIX", "ubuntu", [22, 80, 443, 53, 8443, 8447], 1000],
  ["cpanel_whm_almalinux", "cPanel & WHM for AlmaLinux", "cpanel", "app", "118", "LINUX_UNIX", "almalinux", [22, 53, 80, 443, 2078, 2083, 2087, 2089], 1000],
  // Retired blueprints that older scripts and the Ansible/Terraform test suites still send.
  ["amazon_linux", "Amazon Linux", "amazon_linux", "os", "2018.03.0", "LINUX_UNIX", "ec2-user", OS_PORTS, 0, false],
  ["ubuntu_18_04", "Ubuntu", "ubuntu_18", "os", "18.04 LTS", "LINUX_UNIX", "ubuntu", OS_PORTS, 0, false],
  ["debian_10", "Debian", "debian_10", "os", "10.13", "LINUX_UNIX", "admin", OS_PORTS, 0, false],
  ["centos_7_2009_01", "CentOS", "centos_7", "os", "7 2009-01", "LINUX_UNIX", "centos", OS_PORTS, 0, false],
];

export const blueprints: BlueprintInfo[] = rows.map(([blueprintId, name, group, type, version, platform, username, defaultPorts, minPower = 0, isActive = true]) => ({
  blueprintId,
  name,
  group,
  type,
  description: `${name} ${version} on Lightsail.`,
  isActive,
  minPower,
  version,
  versionCode: "1",
  productUrl: `https://aws.amazon.com/marketplace/search?searchTerms=${encodeURIComponent(name)}`,
  licenseUrl: "https://aws.amazon.com/lightsail/pricing/",
  platform,
  username,
  defaultPorts,
}));

const byId = new Map(blueprints.map((b) => [b.blueprintId, b]));
export const findBlueprint = (id: string) => byId.get(id);

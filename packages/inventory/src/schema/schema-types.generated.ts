/* Generated from schemas/*.schema.json by packages/inventory/src/schema/generate-types.ts.
 * Do not edit: change the schema and run `npm run generate`. */
/**
 * A province file and its commune files.
 */
export interface Inventory {
  province?: Province;
  commune?: Commune;
}
/**
 * What every commune of a province shares: address pools, zones and their VLANs, provincial services, destinations reached over the dedicated line, the flow policy between zones, and device defaults.
 */
export interface Province {
  /**
   * The province itself.
   */
  province: {
    /**
     * Official two-digit province code (Thanh Hóa: 38).
     */
    code: string;
    /**
     * Official name, with its diacritics.
     */
    name: string;
  };
  /**
   * Province-wide addressing. IPv4 pools are per zone (see `zones`); IPv6 is allocated per commune.
   */
  addressing: {
    /**
     * The IPv6 pool communes are numbered from.
     */
    ipv6: {
      /**
       * The provincial IPv6 pool. Commune number `index` gets the index-th block of `communePrefixLength` inside it.
       */
      pool: string;
      /**
       * Size of each commune's IPv6 block; each zone gets one /64 of it (its `ipv6SubnetId`). 56 is the usual site size.
       */
      communePrefixLength: number;
    };
  };
  /**
   * The network zones every commune office has, keyed by zone name. The five standard zones are required; more may be added. There is deliberately no zone for the secret-documents computer: it stays off the network.
   */
  zones: {
    management: Zone;
    staff: Zone;
    service_centre: Zone;
    meeting_room: Zone;
    citizen_wifi: Zone;
    [k: string]: Zone | Zone | Zone | Zone | Zone | Zone;
  };
  /**
   * Provincial services the communes use.
   */
  services: {
    /**
     * The provincial videoconference MCU the meeting rooms register with. At least one of `sip` and `h323`.
     */
    mcu: {
      /**
       * SIP registration.
       */
      sip?: {
        /**
         * SIP registrar.
         */
        registrar: string;
        /**
         * Outbound SIP proxy. Default: the registrar.
         */
        proxy?: string;
        /**
         * SIP domain of the endpoints' addresses. Default: the registrar.
         */
        domain?: string;
        /**
         * SIP transport. Default: tls.
         */
        transport?: "udp" | "tcp" | "tls";
      };
      /**
       * H.323 registration.
       */
      h323?: {
        /**
         * H.323 gatekeeper.
         */
        gatekeeper: string;
      };
    };
  };
  /**
   * Named sets of networks outside the communes that flows may name, e.g. government (reached over the dedicated line), mcu, noc. `internet` is built in and cannot be redefined.
   */
  destinations: {
    [k: string]: Destination;
  };
  /**
   * The flow policy: which zone or destination may open connections to which. Everything not listed is denied.
   *
   * @minItems 1
   *
   * Items: One allowed direction of traffic.
   */
  flows: {
    /**
     * The key of a zone of the province's `zones`, e.g. staff or meeting_room.
     */
    from: string;
    /**
     * Zones or destinations it may reach; `internet` means the Internet line.
     *
     * @minItems 1
     *
     * Items: The key of a zone of the province's `zones`, e.g. staff or meeting_room.
     */
    to: string[];
    /**
     * Why this flow exists, for reviewers and auditors.
     */
    description?: string;
  }[];
  /**
   * Settings every commune gets unless its own file overrides them.
   */
  defaults: Settings & {};
}
/**
 * A network zone: a VLAN and its addressing in every commune.
 */
export interface Zone {
  /**
   * VLAN ID of the zone in every commune.
   */
  vlan: number;
  /**
   * Human name of the zone, shown on devices and in reports, e.g. "Mạng cán bộ".
   */
  label: string;
  /**
   * Where the zone's IPv4 subnet of each commune comes from.
   */
  ipv4: {
    /**
     * The provincial pool of this zone. Commune number `index` gets its index-th subnet.
     */
    pool: string;
    /**
     * Size of each commune's subnet in this zone.
     */
    prefixLength: number;
  };
  /**
   * Which /64 of the commune's IPv6 block the zone uses (0 is the first). Must fit in the block: below 256 for a /56.
   */
  ipv6SubnetId: number;
  dhcp?: Dhcp;
  /**
   * DSCP value the router marks the zone's traffic with towards the dedicated line, e.g. 46 (EF) for the meeting room. Default: unmarked.
   */
  dscp?: number;
}
/**
 * DHCP service in the zone. Default: none (static addressing only).
 */
export interface Dhcp {
  /**
   * First host number handed out (1 is the first usable address, the gateway). Negative numbers count from the end: -1 is the last usable address.
   */
  firstHost: number;
  /**
   * Last host number handed out; negative numbers count from the end.
   */
  lastHost: number;
  /**
   * Lease time in minutes. Default: 1440 (one day).
   */
  leaseMinutes?: number;
}
/**
 * A named set of networks outside the communes.
 */
export interface Destination {
  /**
   * Human name, e.g. "Mạng truyền số liệu chuyên dùng".
   */
  label: string;
  /**
   * Its IPv4 and IPv6 networks.
   *
   * @minItems 1
   *
   * Items: An IPv4 or IPv6 network in CIDR form with no host bits set.
   */
  prefixes: string[];
  /**
   * Which uplink reaches it. Default: dedicated (the government data line).
   */
  via?: "dedicated" | "internet";
  /**
   * DNS names of servers in these networks that the inventory names (the MCU's SIP registrar, an NTP server), in lower case. Names are not resolved: `communes verify` checks a need for one of them (endpoints registering through it, the router taking its time from it) as a need for this destination. A name belongs to one destination.
   */
  hosts?: string[];
}
/**
 * Device and service settings a commune inherits from the province and may override.
 */
export interface Settings {
  /**
   * IANA time zone of the devices, e.g. Asia/Ho_Chi_Minh (Asia/Saigon is accepted too; Asia/Hanoi is no zone).
   */
  timezone?: string;
  /**
   * DNS resolvers handed to clients and used by the devices, in order of preference.
   *
   * @minItems 1
   * @maxItems 4
   *
   * Items: An IPv4 or IPv6 address.
   */
  dns?: string[];
  /**
   * NTP servers, in order of preference.
   *
   * @minItems 1
   * @maxItems 4
   *
   * Items: A host name (letters, digits, hyphens, dots) or an IP address.
   */
  ntp?: string[];
  /**
   * Where devices send their logs (the provincial SOC).
   *
   * @minItems 1
   *
   * Items: A syslog collector of the provincial SOC.
   */
  syslog?: {
    /**
     * An IPv4 or IPv6 address.
     */
    address: string;
    /**
     * Port of the collector. Default: 514.
     */
    port?: number;
    /**
     * Transport. Default: udp.
     */
    protocol?: "udp" | "tcp";
  }[];
  /**
   * Defaults for the commune router.
   */
  router?: {
    api?: RouterApi;
    credentials?: Credentials;
  };
  /**
   * Defaults for the commune switches.
   */
  switch?: {
    credentials?: Credentials;
    /**
     * Name of the Pulumi config secret holding the privileged-mode (enable) password, when the switch needs one.
     */
    enableSecret?: string;
  };
  /**
   * Defaults for the videoconference endpoints.
   */
  endpoint?: {
    credentials?: Credentials;
    /**
     * Name of the Pulumi config secret holding the SIP registration password, when the MCU requires one.
     */
    sipPasswordSecret?: string;
  };
  /**
   * Defaults for the dedicated government data line.
   */
  dedicatedLine?: {
    /**
     * Committed bandwidth of the line in Mb/s. Default: 10 (the guaranteed rate of the specialised data network).
     */
    bandwidthMbps?: number;
  };
}
/**
 * How the router's API is reached.
 */
export interface RouterApi {
  /**
   * api-ssl: the RouterOS API over TLS (port 8729); api: plain RouterOS API (port 8728), only on the lab or an isolated management network; rest: the RouterOS v7 REST API over HTTPS.
   */
  transport?: "api-ssl" | "api" | "rest";
  /**
   * TCP port. Default: 8729 for api-ssl, 8728 for api, 443 for rest.
   */
  port?: number;
}
/**
 * Login to the router's API.
 */
export interface Credentials {
  /**
   * The login user name on the device.
   */
  username?: string;
  /**
   * Name of the Pulumi config secret holding the password.
   */
  passwordSecret?: string;
}
/**
 * One commune or ward office: who it is, its uplinks, its devices, and any override of the province's defaults.
 */
export interface Commune {
  /**
   * Official five-digit code of the commune-level unit. Unique in the province.
   */
  code: string;
  /**
   * Official name without the kind, with its diacritics, e.g. "Thiệu Trung".
   */
  name: string;
  /**
   * xã (rural commune) or phường (urban ward).
   */
  kind: "xã" | "phường";
  /**
   * The former communes, wards or towns merged into this one on 1 July 2025, with their kinds, e.g. "xã Thiệu Viên".
   *
   * @minItems 1
   */
  mergedFrom: string[];
  /**
   * The commune's allocation number: its subnets are the index-th of each provincial pool. Assigned once and never changed or reused; file order and names play no part.
   */
  index: number;
  /**
   * True for made-up communes of test fixtures. Default: false.
   */
  synthetic?: boolean;
  /**
   * Per-zone overrides for this commune, keyed by zone name. Only what differs from the province plan.
   */
  zones?: {
    /**
     * Overrides of one zone.
     */
    [k: string]: {
      /**
       * Use this IPv4 subnet instead of the one allocated from the zone's pool (e.g. a commune adopted with its existing addressing).
       */
      ipv4?: string;
      /**
       * Use this IPv6 /64 instead of the allocated one.
       */
      ipv6?: string;
    };
  };
  /**
   * The router's two lines out of the office.
   */
  uplinks: {
    /**
     * The dedicated government data line (mạng truyền số liệu chuyên dùng), addressed by the operator.
     */
    dedicated: {
      /**
       * Router interface the line is plugged into.
       */
      interface: string;
      ipv4: StaticAddressing4;
      ipv6?: StaticAddressing6;
      /**
       * Committed bandwidth of this line in Mb/s, no more than the speed of its router port. Default: the province's `defaults.dedicatedLine.bandwidthMbps`.
       */
      bandwidthMbps?: number;
    };
    /**
     * The Internet line.
     */
    internet:
      | {
          /**
           * DHCP client on the interface.
           */
          type: "dhcp";
          /**
           * Router interface of the line.
           */
          interface: string;
        }
      | {
          /**
           * PPPoE client on the interface.
           */
          type: "pppoe";
          /**
           * Router interface of the line.
           */
          interface: string;
          /**
           * PPPoE user name given by the ISP.
           */
          username: string;
          /**
           * Name of the Pulumi config secret holding the PPPoE password.
           */
          passwordSecret: string;
        }
      | {
          /**
           * Static addressing.
           */
          type: "static";
          /**
           * Router interface of the line.
           */
          interface: string;
          ipv4: StaticAddressing4;
          ipv6?: StaticAddressing6;
        };
  };
  /**
   * The commune router (MikroTik RouterOS). It is the gateway (first usable address) of every zone.
   */
  router: {
    /**
     * Host name, unique in the province.
     */
    hostname: string;
    /**
     * Hardware model, for the record, e.g. RB5009.
     */
    model?: string;
    /**
     * Router interface the switch trunk is plugged into; every zone is tagged on it. Not an uplink's interface. Default: ether3.
     */
    trunk?: string;
    /**
     * SHA-256 fingerprint of the router's API certificate, pinned for api-ssl and rest.
     */
    tlsFingerprint?: string;
    /**
     * Fingerprint of the router's SSH host key. When set, the router's configuration is exported over SSH (/export, passwords hidden) before each change and kept in the stack's history as the audit trail; any other key is refused.
     */
    hostKey?: string;
  };
  /**
   * The commune's managed switches.
   *
   * @minItems 1
   */
  switches: Switch[];
  /**
   * Videoconference endpoints of the online meeting room(s).
   *
   * @minItems 1
   */
  endpoints: Endpoint[];
  /**
   * Fixed addresses handed out by DHCP to known machines (printers, the service-centre queue display…).
   *
   * Items: One DHCP reservation.
   */
  reservations?: {
    /**
     * What the machine is.
     */
    name: string;
    /**
     * The key of a zone of the province's `zones`, e.g. staff or meeting_room.
     */
    zone: string;
    /**
     * The machine's MAC address.
     */
    mac: string;
    /**
     * Address reserved for it: inside the zone's subnet, outside its DHCP pool.
     */
    address: string;
  }[];
  overrides?: Settings;
}
/**
 * IPv4 addressing given by the operator.
 */
export interface StaticAddressing4 {
  /**
   * The router's address with the link's prefix length.
   */
  address: string;
  /**
   * The next hop; must be on the link.
   */
  gateway: string;
}
/**
 * IPv6 addressing given by the operator, when the line is dual-stack.
 */
export interface StaticAddressing6 {
  /**
   * The router's address with the link's prefix length.
   */
  address: string;
  /**
   * The next hop; on the link or link-local.
   */
  gateway: string;
}
/**
 * A managed access switch.
 */
export interface Switch {
  /**
   * Host name, unique in the province.
   */
  hostname: string;
  /**
   * Hardware model, e.g. Catalyst 2960-X 24.
   */
  model?: string;
  /**
   * Its command-line dialect. Default: ios (Cisco IOS / IOS-XE style).
   */
  dialect?: "ios";
  /**
   * Fingerprint of the switch's SSH host key; any other key is refused.
   */
  hostKey: string;
  management: HostAddress;
  /**
   * What each port is for. Every port of the switch should be listed; unlisted ports are left alone.
   *
   * @minItems 1
   *
   * Items: A role given to one or more ports.
   */
  ports: {
    /**
     * The ports, full IOS interface names (GigabitEthernet1/0/1, not Gi1/0/1), ranges allowed on the last number. With a model the inventory knows, only ports that model has.
     *
     * @minItems 1
     *
     * Items: A port, or a range on the last number: GigabitEthernet1/0/1 or GigabitEthernet1/0/2-12.
     */
    ports: string[];
    /**
     * trunk: the link to the router, carrying every zone tagged; access: an untagged port of one zone; unused: shut down.
     */
    role: "trunk" | "access" | "unused";
    /**
     * The key of a zone of the province's `zones`, e.g. staff or meeting_room.
     */
    zone?: string;
    /**
     * Port description written on the switch, e.g. "Quầy một cửa 1". The switch receives it in ASCII (diacritics dropped), at most 240 characters.
     */
    description?: string;
  }[];
}
/**
 * Its address in the management zone.
 */
export interface HostAddress {
  /**
   * Host number in the zone's subnet (1 is the router).
   */
  host?: number;
  /**
   * Explicit address inside the zone's subnet.
   */
  address?: string;
}
/**
 * A videoconference endpoint in the meeting-room zone.
 */
export interface Endpoint {
  /**
   * Name the endpoint shows and registers with, e.g. "Hội trường UBND xã Thiệu Trung".
   */
  systemName: string;
  /**
   * The room it is in, e.g. "Hội trường UBND".
   */
  room: string;
  /**
   * poly: Poly/Polycom (VideoOS, RealPresence Group); cisco: Cisco RoomOS.
   */
  vendor: "poly" | "cisco";
  /**
   * Model, e.g. G7500, Studio X50, Room Kit.
   */
  model: string;
  /**
   * The key of a zone of the province's `zones`, e.g. staff or meeting_room.
   */
  zone?: string;
  /**
   * How it gets its address in the meeting-room zone: "dhcp", or a host number / explicit address.
   */
  address: "dhcp" | HostAddress;
  /**
   * SIP registration to the provincial MCU.
   */
  sip?: {
    /**
     * SIP user (address part before the @).
     */
    user: string;
  };
  /**
   * H.323 registration to the provincial gatekeeper.
   */
  h323?: {
    /**
     * H.323 alias (H.323 ID).
     */
    alias?: string;
    /**
     * E.164 number, digits only.
     */
    e164?: string;
  };
  /**
   * SHA-256 fingerprint of the endpoint's HTTPS certificate, pinned.
   */
  tlsFingerprint?: string;
}

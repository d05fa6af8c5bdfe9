// web makes 1 iptables rule, dns 2 (two sources that do not merge into one network): the cap of 2 is crossed at dns.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:7:5: rule 'dns' makes 2 iptables rules (2 IPv4 sources x 1 port match), which brings the bundle to 3, over maxRules 2. Use fewer or wider source networks, port ranges instead of single ports, or fewer rules; or raise ferm.maxRules if the host really needs that many.''')
true

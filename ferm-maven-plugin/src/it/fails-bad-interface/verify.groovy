// An interface name with '/' is not a Linux interface name.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:4:20: 'ens3/1' contains '/', which Linux forbids in interface names. Write a name of up to 15 letters, digits, '.', '_' and '-', starting with a letter or digit, optionally ending in '+', e.g. eth0 or br-+.''')
true

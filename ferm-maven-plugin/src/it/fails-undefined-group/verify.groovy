// A misspelt group name in 'from' is refused with a suggestion.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:8:12: group 'ofice' is not defined. Define it under 'groups:' or use one of: office. Did you mean 'office'?''')
true

/// The agencies and vendors corpus knows without being told: `type,name,aliases,domains`
/// rows (aliases and domains separated by `;`), as `--entities FILE` takes them. Compiled
/// into the binary, so that `corpus` works wherever it is installed. (accuracy/mg_content.py
/// reads the rows from this file too.)
enum BuiltInEntities {
    static let csv = #"""
type,name,aliases,domains
agency,NYPD,New York City Police Department;New York Police Department;NYC Police;Police Department City of New York,nypd.org
agency,ICE,Immigration and Customs Enforcement;U.S. Immigration and Customs Enforcement;HSI;Homeland Security Investigations;ERO,ice.dhs.gov
agency,DHS,Department of Homeland Security;Homeland Security,dhs.gov
agency,CBP,Customs and Border Protection;U.S. Customs and Border Protection,cbp.dhs.gov
agency,FBI,Federal Bureau of Investigation,fbi.gov;ic.fbi.gov
agency,DEA,Drug Enforcement Administration,dea.gov
agency,ATF,"Bureau of Alcohol, Tobacco, Firearms and Explosives",atf.gov
agency,US Marshals,U.S. Marshals Service;USMS,usms.doj.gov
agency,DOJ,Department of Justice;U.S. Department of Justice,usdoj.gov;doj.gov
agency,Secret Service,U.S. Secret Service;USSS,usss.dhs.gov
agency,NY State Police,New York State Police;NYSP,troopers.ny.gov
agency,NJ State Police,New Jersey State Police;NJSP,njsp.gov;njsp.org
agency,PAPD,Port Authority Police Department;Port Authority Police;Port Authority of New York and New Jersey,panynj.gov
agency,MTA Police,Metropolitan Transportation Authority Police;MTA PD,mtapd.org;mta.info
agency,NYC DOI,New York City Department of Investigation;NYC Department of Investigation;Department of Investigation;DOI,doi.nyc.gov
agency,NYC Law Department,New York City Law Department;Corporation Counsel,law.nyc.gov
agency,Manhattan DA,New York County District Attorney;Manhattan District Attorney's Office;DANY,dany.nyc.gov
agency,Brooklyn DA,Kings County District Attorney,brooklynda.org
agency,NYS DCJS,New York State Division of Criminal Justice Services;DCJS,dcjs.ny.gov
agency,NYS DMV,New York State Department of Motor Vehicles,dmv.ny.gov
agency,LAPD,Los Angeles Police Department,lapd.online;lapd.lacity.org
agency,Chicago PD,Chicago Police Department;CPD,chicagopolice.org
agency,Miami PD,Miami Police Department,miami-police.org
agency,Legal Aid Society,The Legal Aid Society,legal-aid.org
vendor,Clearview AI,Clearview;Clearview.ai;Clearview AI Inc.,clearview.ai
vendor,DataWorks Plus,DataWorks;Data Works Plus;DWP,dataworksplus.com
vendor,Cognitec,Cognitec Systems;FaceVACS,cognitec.com
vendor,NEC,NEC Corporation;NEC Corporation of America;NeoFace,nec.com;necam.com
vendor,Idemia,IDEMIA;MorphoTrust;Morpho,idemia.com
vendor,Amazon Rekognition,Rekognition;Amazon Rekognition API,
vendor,Amazon,Amazon Web Services;AWS;Amazon.com,amazon.com;aws.amazon.com
vendor,Microsoft Azure Face,Azure Face;Microsoft Face API,
vendor,Microsoft,Microsoft Corporation,microsoft.com
vendor,Google Cloud Vision,Cloud Vision API;Google Vision API,
vendor,Google,Google LLC,google.com
vendor,IBM Watson,Watson Visual Recognition;IBM Watson Visual Recognition,
vendor,IBM,International Business Machines,ibm.com
vendor,Kairos,Kairos AR,kairos.com
vendor,Face++,Megvii;FacePlusPlus,megvii.com;faceplusplus.com
vendor,Clarifai,,clarifai.com
vendor,Affectiva,,affectiva.com
vendor,OpenCV,,opencv.org
vendor,BriefCam,Brief Cam,briefcam.com
vendor,Vigilant Solutions,Vigilant,vigilantsolutions.com
vendor,ShotSpotter,SoundThinking,shotspotter.com;soundthinking.com
vendor,Palantir,Palantir Technologies;Palantir Gotham,palantir.com
vendor,Axon,Axon Enterprise;TASER International,axon.com
vendor,Genetec,,genetec.com
vendor,Veritone,,veritone.com
vendor,Rank One Computing,ROC;Rank One,rankone.io
vendor,Voyager Labs,,voyagerlabs.co
vendor,Babel Street,,babelstreet.com
vendor,Cellebrite,,cellebrite.com
vendor,PimEyes,,pimeyes.com
vendor,Motorola Solutions,Motorola,motorolasolutions.com
"""#
}
